package io.encore.evaluation;

import java.util.Locale;
import java.util.Optional;

/**
 * What a guest did with an item. Each becomes the input event profile-stream learns from: a purchase is a
 * ticket sale, a view a concert page view, a favourite a favourite. All are positive: a held-out interaction
 * is something the guest wanted.
 */
public enum InteractionType {
    PURCHASE, VIEW, FAVOURITE;

    /** The type named {@code text} in any case, or empty. */
    public static Optional<InteractionType> parse(String text) {
        for (InteractionType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
