package io.encore.connectors.web;

import java.util.Set;

/** What one input record means for the web keys of one guest. */
sealed interface WebEvent {

    String guestId();

    /** A new WEB set for the guest, already rendered as the JSON the site reads. */
    record SetPublished(String guestId, String json) implements WebEvent {
    }

    /** The guest's WEB set was withdrawn (a tombstone on recommendations). */
    record SetWithdrawn(String guestId) implements WebEvent {
    }

    /** The guest's current aliases ({@code TYPE:value}, without the guest id itself). */
    record ProfileUpdated(String guestId, Set<String> aliases) implements WebEvent {
        public ProfileUpdated {
            aliases = Set.copyOf(aliases);
        }
    }

    /** The guest was merged into another or erased (a tombstone on guest-profiles). */
    record ProfileRemoved(String guestId) implements WebEvent {
    }
}
