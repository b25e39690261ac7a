package io.encore.simulator.behaviour;

import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.RecommendationSet;

/** What Encore publishes that the simulated world reacts to: the other half of the closed loop. */
public sealed interface Feedback {

    /**
     * A record of {@code recommendations}: key {@code <guestId>|<CHANNEL>}, a null set for a tombstone.
     */
    record Recommendations(String key, RecommendationSet set) implements Feedback {
    }

    /** A record of {@code email-sends}: an e-mail on its way to a guest. */
    record EmailSent(EmailSend send) implements Feedback {
    }

    /** A record of {@code concert-audiences}: key concert id, a null audience for a tombstone. */
    record Audience(String concertId, ConcertAudience audience) implements Feedback {
    }
}
