package io.encore.profile.identity;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;

/**
 * The string form of a guest identifier, {@code TYPE:value}, used as key on every guest-keyed topic and in
 * every store, and the total order that decides which identifier survives a merge.
 *
 * <p>Order: by type rank (GUEST_ID above LOYALTY_CARD above EMAIL_SHA256 above COOKIE), then by value. A
 * merge always folds the lower identifier into the higher one, so every redirect points strictly upwards and
 * a chain of redirects can never form a cycle, whatever order links arrive in.
 */
public final class Identifiers {

    /** Longest identifier value accepted; longer ones are rejected as malformed. */
    public static final int MAX_VALUE_LENGTH = 256;

    public static final Comparator<String> SURVIVOR_ORDER =
            Comparator.<String>comparingInt(Identifiers::rank).thenComparing(Identifiers::value);

    private Identifiers() {
    }

    public static String key(GuestIdentifier identifier) {
        return identifier.getType().name() + ":" + identifier.getValue();
    }

    /** Parses {@code TYPE:value}; empty when the type is unknown or the value empty, too long or has control characters. */
    public static Optional<GuestIdentifier> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        IdentifierType type;
        try {
            type = IdentifierType.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        String value = key.substring(colon + 1);
        return type == IdentifierType.UNKNOWN || problem(value).isPresent()
                ? Optional.empty()
                : Optional.of(new GuestIdentifier(type, value));
    }

    /** Why an identifier cannot be used, if it cannot. */
    public static Optional<String> problem(GuestIdentifier identifier) {
        if (identifier == null) {
            return Optional.of("missing identifier");
        }
        if (identifier.getType() == null || identifier.getType() == IdentifierType.UNKNOWN) {
            return Optional.of("unknown identifier type");
        }
        return problem(identifier.getValue());
    }

    private static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("empty identifier value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.of("identifier value longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            return Optional.of("identifier value contains control or replacement characters");
        }
        return Optional.empty();
    }

    /** True for identifiers that name a known person rather than a browser. */
    public static boolean isKnown(String key) {
        return rank(key) > rank(IdentifierType.COOKIE);
    }

    /** The survivor of a merge of {@code a} and {@code b}. */
    public static String survivor(String a, String b) {
        return SURVIVOR_ORDER.compare(a, b) >= 0 ? a : b;
    }

    private static int rank(String key) {
        int colon = key.indexOf(':');
        try {
            return rank(IdentifierType.valueOf(colon < 0 ? key : key.substring(0, colon)));
        } catch (IllegalArgumentException unknown) {
            return 0;
        }
    }

    private static int rank(IdentifierType type) {
        return switch (type) {
            case GUEST_ID -> 4;
            case LOYALTY_CARD -> 3;
            case EMAIL_SHA256 -> 2;
            case COOKIE -> 1;
            case UNKNOWN -> 0;
        };
    }

    private static String value(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }
}
