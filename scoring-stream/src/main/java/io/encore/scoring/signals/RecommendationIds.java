package io.encore.scoring.signals;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Recommendation ids that carry what attribution needs, so a click or purchase on any partition can be
 * credited without looking the list up:
 * {@code r2.<channel>.<group>.<arm>.<exposureStartMillis>.<exposureToken>.<listToken>}.
 *
 * <p>An <em>exposure</em> is the experiment's unit: one guest on one channel under one arm for a window of
 * time (see {@code ScoringSettings#exposureWindow}). Every list published during the exposure gets its own id
 * (the list token differs) but shares the exposure's prefix, which is what the bandit counts as one trial and
 * credits one reward to, however often the list changed in between. Channels are enum symbols, groups
 * lower-case words, arms model names (letters and dashes), tokens hex, so no part contains a dot.
 *
 * <p>Ids of the first version ({@code r1.<channel>.<group>.<arm>.<issuedAtMillis>.<uuid>}, one exposure per
 * list) still parse: feedback to a list published before an upgrade is credited as before.
 */
public final class RecommendationIds {

    private static final String V1 = "r1";
    private static final String V2 = "r2";

    private RecommendationIds() {
    }

    /**
     * What a recommendation id says about the list it names.
     *
     * @param issuedAt when the exposure started (epoch ms): attribution windows count from here
     * @param exposure the id of the exposure (the trial) the list belongs to
     */
    public record Issued(String channel, String group, String arm, long issuedAt, String exposure) {

        /** Whether further lists can join this exposure: not for first-version ids, one list each. */
        public boolean extendable() {
            return exposure.startsWith(V2 + ".");
        }
    }

    /** The id of the first list of a new exposure, which starts at {@code issuedAt}. */
    public static String create(String channel, String group, String arm, long issuedAt) {
        return String.join(".", V2, channel, clean(group), clean(arm), Long.toString(issuedAt), token(), token());
    }

    /** The id of a further list of the exposure {@code issued} names: same trial, a new list. */
    public static String next(Issued issued) {
        if (!issued.extendable()) {
            throw new IllegalArgumentException("a first-version id is an exposure of one list: " + issued.exposure());
        }
        return issued.exposure() + "." + token();
    }

    /** Empty when the id was not made here (another system's, or malformed). */
    public static Optional<Issued> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("\\.");
        boolean v1 = parts.length == 6 && V1.equals(parts[0]);
        boolean v2 = parts.length == 7 && V2.equals(parts[0]);
        if (!v1 && !v2) {
            return Optional.empty();
        }
        try {
            String exposure = v1 ? id : id.substring(0, id.lastIndexOf('.'));
            return Optional.of(new Issued(parts[1], parts[2], parts[3], Long.parseLong(parts[4]), exposure));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 64 random bits in hex (a published list makes one or two: no format parsing on that path). */
    private static String token() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static String clean(String part) {
        return part == null ? "unknown" : part.replace('.', '_');
    }
}
