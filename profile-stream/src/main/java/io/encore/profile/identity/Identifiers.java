package io.encore.profile.identity;

import java.util.Comparator;
import java.util.Optional;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.GuestKeys;

/**
 * The string form of a guest identifier, {@code TYPE:value}, used as key on every guest-keyed topic and in
 * every store, and the total order that decides which identifier survives a merge.
 *
 * <p>Order: by type rank (GUEST_ID above LOYALTY_CARD above EMAIL_SHA256 above COOKIE), then by value. A
 * merge always folds the lower identifier into the higher one, so every redirect points strictly upwards and
 * a chain of redirects can never form a cycle, whatever order links arrive in.
 */
public final class Identifiers {

    public static final Comparator<String> SURVIVOR_ORDER =
            Comparator.<String>comparingInt(Identifiers::rank).thenComparing(Identifiers::value);

    private Identifiers() {
    }

    public static String key(GuestIdentifier identifier) {
        return GuestKeys.key(identifier);
    }

    /** Parses {@code TYPE:value}; see {@link GuestKeys#parse}. */
    public static Optional<GuestIdentifier> parse(String key) {
        return GuestKeys.parse(key);
    }

    /** Why an identifier cannot be used, if it cannot. */
    public static Optional<String> problem(GuestIdentifier identifier) {
        return GuestKeys.problem(identifier);
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
