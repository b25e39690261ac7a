package io.encore.schemas.topic;

import java.util.Locale;
import java.util.Optional;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;

/**
 * The key of every guest-keyed topic: a {@link GuestIdentifier} written {@code TYPE:value}, for example
 * {@code COOKIE:3f2a9c} or {@code GUEST_ID:g-1042}. Part of the contract, so producers, both apps and the
 * sinks write and read it the same way.
 */
public final class GuestKeys {

    /** Longest identifier value accepted; longer ones are malformed. */
    public static final int MAX_VALUE_LENGTH = 256;

    private GuestKeys() {
    }

    public static String key(GuestIdentifier identifier) {
        return identifier.getType().name() + ":" + identifier.getValue();
    }

    /** Parses {@code TYPE:value}; empty when the type is unknown or the value is empty, too long or has control characters. */
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
}
