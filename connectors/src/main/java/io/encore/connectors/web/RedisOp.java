package io.encore.connectors.web;

import java.util.Set;

/** One Redis write of a batch; a batch's ops run in order in one MULTI/EXEC transaction. */
sealed interface RedisOp {

    String key();

    /** {@code SET key value EX ttlSeconds}. */
    record Put(String key, String value, long ttlSeconds) implements RedisOp {
    }

    /** {@code DEL key}. */
    record Delete(String key) implements RedisOp {
    }

    /**
     * Deletes an alias's set only while it still holds {@code guestId}'s set: the alias may meanwhile belong
     * to another guest (a merge, an unlink) whose records arrived first on another partition.
     */
    record DeleteIfOwner(String key, String guestId) implements RedisOp {
    }

    /** Replaces the members of a Redis set ({@code DEL} then {@code SADD}); no members leaves no key. */
    record ReplaceMembers(String key, Set<String> members) implements RedisOp {
        public ReplaceMembers {
            members = Set.copyOf(members);
        }
    }
}
