package io.encore.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a guest did with an item, at a time.
 *
 * @param value the amount of a purchase in minor units, when given (null otherwise)
 */
public record Interaction(String guestId, String itemId, Instant at, InteractionType type, Long value) {

    public Interaction {
        Objects.requireNonNull(guestId, "guestId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
