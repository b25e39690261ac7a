package io.encore.scoring.signals;

import java.util.Optional;
import java.util.UUID;

/**
 * Recommendation ids that carry what attribution needs, so a click or purchase on any partition can be
 * credited without looking the list up: {@code r1.<channel>.<group>.<arm>.<issuedAtMillis>.<uuid>}. Channels
 * are enum symbols, groups lower-case words, arms model names (letters and dashes), so no part contains a dot.
 */
public final class RecommendationIds {

    private static final String VERSION = "r1";

    private RecommendationIds() {
    }

    /** What a recommendation id says about the list it names. */
    public record Issued(String channel, String group, String arm, long issuedAt) {
    }

    public static String create(String channel, String group, String arm, long issuedAt) {
        return String.join(".", VERSION, channel, clean(group), clean(arm), Long.toString(issuedAt),
                UUID.randomUUID().toString());
    }

    /** Empty when the id was not made here (another system's, or malformed). */
    public static Optional<Issued> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("\\.");
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Issued(parts[1], parts[2], parts[3], Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String clean(String part) {
        return part == null ? "unknown" : part.replace('.', '_');
    }
}
