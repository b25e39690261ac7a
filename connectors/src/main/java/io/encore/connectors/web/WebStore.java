package io.encore.connectors.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the web sink needs of Redis: one read of the touched guests, then one atomic write per batch. */
interface WebStore extends AutoCloseable {

    /** What Redis holds for one guest now. */
    record GuestView(Set<String> aliases, Optional<String> set) {
        static final GuestView EMPTY = new GuestView(Set.of(), Optional.empty());

        public GuestView {
            aliases = Set.copyOf(aliases);
        }
    }

    /** The current aliases and set of each guest; guests with nothing stored map to {@link GuestView#EMPTY}. */
    Map<String, GuestView> read(Collection<String> guestIds);

    /** Runs {@code ops} in order, all or none. */
    void apply(List<RedisOp> ops);

    @Override
    void close();
}
