package io.encore.scoring.topology;

/**
 * Every name in the scoring topology, once. Store names are part of changelog topic names and the HTTP API;
 * {@code ScoringTopologySnapshotTest} fails when one changes.
 */
public final class ScoringNames {

    public static final String SOURCE_CONCERTS = "concerts-source";
    public static final String SOURCE_CONCERT_PROFILES = "concert-profiles-source";
    public static final String SOURCE_CATALOGUE = "catalogue-source";
    public static final String SOURCE_GUEST_PROFILES = "guest-profiles-source";

    public static final String PROCESSOR_CATALOGUE_JOINER = "catalogue-joiner";
    public static final String PROCESSOR_SCORING = "scoring-processor";

    public static final String SINK_CATALOGUE = "catalogue-broadcast-sink";
    public static final String SINK_RECOMMENDATIONS = "recommendations-sink";
    public static final String SINK_RECOMMENDATION_CHANGES = "recommendation-changes-sink";

    /** concert id → the joined entry, on the concert's partition. */
    public static final String STORE_CATALOGUE_JOIN = "catalogue-join";
    /** concert id → entry: every task's full copy of the catalogue. */
    public static final String STORE_CATALOGUE = "catalogue";
    /** guest id → the guest's latest profile, for re-scoring when the catalogue changes. */
    public static final String STORE_GUESTS = "scoring-guests";
    /** guest id|CHANNEL → the guest's current recommendation set. */
    public static final String STORE_RECOMMENDATIONS = "recommendation-sets";
    /** channel|behaviour group → bandit posteriors. */
    public static final String STORE_BANDITS = "bandits";

    private ScoringNames() {
    }
}
