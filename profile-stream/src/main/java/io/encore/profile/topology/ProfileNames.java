package io.encore.profile.topology;

import java.util.List;

/**
 * Every name in the profile topology, once: sources, processors, sinks and stores. Store names are part of the
 * changelog topic names ({@code <application.id>-<store>-changelog}) and of the HTTP API, so renaming one
 * orphans state; {@code ProfileTopologySnapshotTest} fails when any of them changes.
 */
public final class ProfileNames {

    public static final String SOURCE_CLICK_EVENTS = "click-events-source";
    public static final String SOURCE_EMAIL_RESPONSES = "email-responses-source";
    public static final String SOURCE_AD_INTERACTIONS = "ad-interactions-source";
    public static final String SOURCE_TICKET_SALES = "ticket-sales-source";
    public static final String SOURCE_IDENTITY_LINKS = "identity-links-source";
    public static final String SOURCE_GUEST_CONSENTS = "guest-consents-source";
    public static final String SOURCE_MARKET_SPEND = "market-spend-source";
    public static final String SOURCE_GUEST_COMMANDS = "guest-commands-source";
    public static final String SOURCE_CONCERTS = "concerts-source";
    public static final String SOURCE_CATALOGUE = "catalogue-source";
    public static final String SOURCE_CONCERT_PROFILES = "concert-profiles-global-source";

    public static final String PROCESSOR_GUESTS = "guest-processor";
    public static final String PROCESSOR_CONCERT_PROFILER = "concert-profiler";
    public static final String PROCESSOR_CONCERT_PROFILES_LOADER = "concert-profiles-global-loader";

    public static final String SINK_CATALOGUE = "catalogue-sink";
    public static final String SINK_GUEST_COMMANDS = "guest-commands-sink";
    public static final String SINK_GUEST_PROFILES = "guest-profiles-sink";
    public static final String SINK_SEGMENT_CHANGES = "segment-changes-sink";
    public static final String SINK_CONCERT_PROFILES = "concert-profiles-sink";
    public static final String SINK_DEAD_LETTERS = "dead-letters-sink";
    public static final String SINK_IDENTITY_LINKS = "identity-links-sink";
    public static final String SINK_ERASURE_AUDITS = "erasure-audits-sink";

    /** identifier → the guest's profile, or a redirect to the guest it was merged into. */
    public static final String STORE_GUESTS = "guests";
    /** event id → event time; de-duplication window. */
    public static final String STORE_SEEN_EVENTS = "seen-events";
    /** held-at|event id → events waiting for their concert. */
    public static final String STORE_PENDING_EVENTS = "pending-events";
    /** current / comparison → this task's value histogram. */
    public static final String STORE_VALUE_HISTOGRAMS = "value-histograms";
    /** value group|segment → guests of this task. */
    public static final String STORE_SEGMENT_COUNTS = "segment-counts";
    /** concert id → its extracted concept counts. */
    public static final String STORE_CONCERT_TERMS = "concert-terms";
    /** concept key → concerts mentioning it; {@code #documents} → concerts in the catalogue. */
    public static final String STORE_DOCUMENT_FREQUENCIES = "document-frequencies";
    /** concert id → its published profile, on every instance. */
    public static final String STORE_CONCERT_PROFILES = "concert-profiles-global";

    public static final List<String> GUEST_STORES = List.of(STORE_GUESTS, STORE_SEEN_EVENTS, STORE_PENDING_EVENTS,
            STORE_VALUE_HISTOGRAMS, STORE_SEGMENT_COUNTS);

    private ProfileNames() {
    }
}
