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
    public static final String SOURCE_CLICK_EVENTS = "click-events-source";
    public static final String SOURCE_TICKET_SALES = "ticket-sales-source";
    public static final String SOURCE_EMAIL_RESPONSES = "email-responses-source";
    public static final String SOURCE_AD_INTERACTIONS = "ad-interactions-source";
    public static final String SOURCE_SIGNAL_EVENTS = "signal-events-source";
    public static final String SOURCE_SIGNALS = "signals-global-source";
    public static final String SOURCE_AUDIENCE_CANDIDATES = "audience-candidates-source";
    public static final String SOURCE_ALIASES = "aliases-global-source";
    public static final String SOURCE_CAMPAIGNS = "campaigns-source";
    public static final String SOURCE_CAMPAIGN_BROADCAST = "campaign-broadcast-source";
    public static final String SOURCE_GUEST_CONTACTS = "guest-contacts-source";

    public static final String PROCESSOR_CATALOGUE_JOINER = "catalogue-joiner";
    public static final String PROCESSOR_SCORING = "scoring-processor";
    public static final String PROCESSOR_FEEDBACK = "feedback-router";
    public static final String PROCESSOR_SIGNALS = "signal-aggregator";
    public static final String PROCESSOR_SIGNALS_LOADER = "signals-global-loader";
    public static final String PROCESSOR_AUDIENCES = "audience-aggregator";
    public static final String PROCESSOR_ALIASES_LOADER = "aliases-global-loader";
    public static final String PROCESSOR_CAMPAIGN_BROADCASTER = "campaign-broadcaster";
    public static final String PROCESSOR_CAMPAIGN_SELECTOR = "campaign-selector";

    public static final String SINK_CATALOGUE = "catalogue-broadcast-sink";
    public static final String SINK_RECOMMENDATIONS = "recommendations-sink";
    public static final String SINK_RECOMMENDATION_CHANGES = "recommendation-changes-sink";
    public static final String SINK_SIGNAL_EVENTS = "signal-events-sink";
    public static final String SINK_FEEDBACK_SIGNAL_EVENTS = "feedback-signal-events-sink";
    public static final String SINK_SIGNALS = "signals-sink";
    public static final String SINK_AUDIENCE_CANDIDATES = "audience-candidates-sink";
    public static final String SINK_CONCERT_AUDIENCES = "concert-audiences-sink";
    public static final String SINK_ALIASES = "aliases-sink";
    public static final String SINK_CAMPAIGNS = "campaign-broadcast-sink";
    public static final String SINK_EMAIL_SENDS = "email-sends-sink";
    public static final String SINK_PRINT_SENDS = "print-sends-sink";
    public static final String SINK_CAMPAIGN_REPORTS = "campaign-reports-sink";
    public static final String SINK_GUEST_CONTACTS = "guest-contacts-sink";
    public static final String SINK_ERASURE_AUDITS = "erasure-audits-sink";

    /** concert id → the joined entry, on the concert's partition. */
    public static final String STORE_CATALOGUE_JOIN = "catalogue-join";
    /** concert id → entry: every task's full copy of the catalogue. */
    public static final String STORE_CATALOGUE = "catalogue";
    /** guest id → the guest's latest profile, for re-scoring when the catalogue changes. */
    public static final String STORE_GUESTS = "scoring-guests";
    /** guest id|CHANNEL → the guest's current recommendation set. */
    public static final String STORE_RECOMMENDATIONS = "recommendation-sets";
    /** guest id → the concerts the guest was put in the audience of as a twin of their buyers. */
    public static final String STORE_AUDIENCE_TWINS = "audience-twins";
    /** concert id → its audience as last published, on the concert's partition. */
    public static final String STORE_AUDIENCES = "audiences";
    /** Audience candidates waiting for their concert's next publication, the newest per guest and concert. */
    public static final String STORE_AUDIENCE_PENDING = "audience-pending";
    /** any alias TYPE:value → the guest id it belongs to, on every instance (for the HTTP API). */
    public static final String STORE_ALIASES_GLOBAL = "aliases-global";
    /** signal key → its current value, on the key's partition. */
    public static final String STORE_SIGNALS = "signals";
    /** recommendation id → the reward already counted for it. */
    public static final String STORE_REWARDED = "rewarded";
    /** signal key → value, on every instance: sales velocity, co-purchases, twins, bandit posteriors. */
    public static final String STORE_SIGNALS_GLOBAL = "signals-global";

    /** guest id → the guest's contact details (personal data: never logged), on the guest's partition. */
    public static final String STORE_GUEST_CONTACTS = "guest-contacts";
    /** guest id → the campaign sends of the last 7 days, for the contact-pressure cap. */
    public static final String STORE_CONTACT_LEDGER = "contact-ledger";

    /** Custom metrics: group {@code stream-encore-scoring-metrics}, tagged with the task. */
    public static final String METRICS_SCOPE = "encore-scoring";
    /** {@code sweep-rescore-total} / {@code -rate}: guests re-scored by catalogue sweeps. */
    public static final String METRIC_SWEEP_RESCORE = "sweep-rescore";

    private ScoringNames() {
    }
}
