package io.encore.scoring.topology;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

import io.encore.runtime.streams.GlobalStoreLoader;
import io.encore.runtime.streams.PrivateTopics;
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.AliasTarget;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.processor.AudienceAggregator;
import io.encore.scoring.processor.CampaignBroadcaster;
import io.encore.scoring.processor.CampaignSelector;
import io.encore.scoring.processor.CatalogueJoiner;
import io.encore.scoring.processor.ScoringProcessor;
import io.encore.scoring.signals.FeedbackRouter;
import io.encore.scoring.signals.SignalAggregator;
import io.encore.scoring.signals.SignalsView;

import static io.encore.scoring.topology.ScoringNames.PROCESSOR_ALIASES_LOADER;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_AUDIENCES;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_CAMPAIGN_BROADCASTER;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_CAMPAIGN_SELECTOR;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_CATALOGUE_JOINER;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_FEEDBACK;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_SCORING;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_SIGNALS;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_SIGNALS_LOADER;
import static io.encore.scoring.topology.ScoringNames.SINK_ALIASES;
import static io.encore.scoring.topology.ScoringNames.SINK_AUDIENCE_CANDIDATES;
import static io.encore.scoring.topology.ScoringNames.SINK_CAMPAIGNS;
import static io.encore.scoring.topology.ScoringNames.SINK_CAMPAIGN_REPORTS;
import static io.encore.scoring.topology.ScoringNames.SINK_ERASURE_AUDITS;
import static io.encore.scoring.topology.ScoringNames.SINK_GUEST_CONTACTS;
import static io.encore.scoring.topology.ScoringNames.SINK_EMAIL_SENDS;
import static io.encore.scoring.topology.ScoringNames.SINK_PRINT_SENDS;
import static io.encore.scoring.topology.ScoringNames.SINK_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.SINK_CONCERT_AUDIENCES;
import static io.encore.scoring.topology.ScoringNames.SINK_FEEDBACK_SIGNAL_EVENTS;
import static io.encore.scoring.topology.ScoringNames.SINK_RECOMMENDATIONS;
import static io.encore.scoring.topology.ScoringNames.SINK_RECOMMENDATION_CHANGES;
import static io.encore.scoring.topology.ScoringNames.SINK_SIGNALS;
import static io.encore.scoring.topology.ScoringNames.SINK_SIGNAL_EVENTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_AD_INTERACTIONS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_ALIASES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_AUDIENCE_CANDIDATES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CAMPAIGNS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CAMPAIGN_BROADCAST;
import static io.encore.scoring.topology.ScoringNames.SOURCE_GUEST_CONTACTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CLICK_EVENTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CONCERTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CONCERT_PROFILES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_EMAIL_RESPONSES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_GUEST_PROFILES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_SIGNALS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_SIGNAL_EVENTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_TICKET_SALES;
import static io.encore.scoring.topology.ScoringNames.STORE_ALIASES_GLOBAL;
import static io.encore.scoring.topology.ScoringNames.STORE_AUDIENCES;
import static io.encore.scoring.topology.ScoringNames.STORE_AUDIENCE_PENDING;
import static io.encore.scoring.topology.ScoringNames.STORE_AUDIENCE_TWINS;
import static io.encore.scoring.topology.ScoringNames.STORE_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.STORE_CATALOGUE_JOIN;
import static io.encore.scoring.topology.ScoringNames.STORE_CONTACT_LEDGER;
import static io.encore.scoring.topology.ScoringNames.STORE_GUEST_CONTACTS;
import static io.encore.scoring.topology.ScoringNames.STORE_GUESTS;
import static io.encore.scoring.topology.ScoringNames.STORE_RECOMMENDATIONS;
import static io.encore.scoring.topology.ScoringNames.STORE_REWARDED;
import static io.encore.scoring.topology.ScoringNames.STORE_SIGNALS;
import static io.encore.scoring.topology.ScoringNames.STORE_SIGNALS_GLOBAL;


/**
 * The scoring-stream topology, a pure factory shared by {@code main} and the tests:
 *
 * <pre>
 *  concerts, concert-profiles ──► catalogue-joiner ──► catalogue (broadcast: one copy per partition)
 *  guest-profiles, catalogue ──► scoring-processor ──► recommendations, recommendation-changes, signal-events
 *  click-events, ticket-sales, email-responses, ad-interactions ──► feedback-router ──► signal-events
 *  signal-events ──► signal-aggregator ──► signals ──► signals-global (every instance)
 *  campaigns ──► campaign-broadcaster ──► campaigns (private, broadcast: one copy per partition)
 *  campaigns (private), guest-contacts ──► campaign-selector ──► email-sends, print-sends, campaign-reports
 * </pre>
 *
 * The private catalogue topic has as many partitions as {@code guest-profiles}; every catalogue change is
 * written to all of them, so each task keeps the whole catalogue and re-scores only the guests it owns.
 */
public final class ScoringTopology {

    private static final Duration EVENT_RETENTION = Duration.ofDays(7);

    private ScoringTopology() {
    }

    public static Topology build(ScoringSettings settings, ScoringSerdes serdes,
                                 Function<SignalsView, List<ScoringModel>> models,
                                 Function<SignalsView, ScoringModel> control) {
        Topology topology = new Topology();
        addCatalogue(topology, settings, serdes);
        addScoring(topology, settings, serdes, models, control);
        addFeedback(topology, settings, serdes);
        addSignals(topology, settings, serdes);
        addAudiencesAndAliases(topology, settings, serdes);
        addCampaigns(topology, settings, serdes);
        return topology;
    }

    private static void addCatalogue(Topology topology, ScoringSettings settings, ScoringSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        topology.addSource(SOURCE_CONCERTS, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.concerts().valueSerde()), topics.concerts().name());
        topology.addSource(SOURCE_CONCERT_PROFILES, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.concertProfiles().valueSerde()), topics.concertProfiles().name());
        topology.addProcessor(PROCESSOR_CATALOGUE_JOINER, CatalogueJoiner::new, SOURCE_CONCERTS, SOURCE_CONCERT_PROFILES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_CATALOGUE_JOIN),
                Serdes.String(), serdes.catalogueEntry()), PROCESSOR_CATALOGUE_JOINER);
        topology.addSink(SINK_CATALOGUE, settings.catalogueTopic(), Serdes.String().serializer(),
                serdes.catalogueEntry().serializer(), broadcast(), PROCESSOR_CATALOGUE_JOINER);
    }

    private static void addScoring(Topology topology, ScoringSettings settings, ScoringSerdes serdes,
                                   Function<SignalsView, List<ScoringModel>> models,
                                   Function<SignalsView, ScoringModel> control) {
        TopicCatalogue topics = serdes.catalogue();
        topology.addSource(SOURCE_GUEST_PROFILES, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.guestProfiles().valueSerde()), topics.guestProfiles().name());
        topology.addSource(SOURCE_CATALOGUE, Serdes.String().deserializer(),
                AvroSerde.anyRecord(serdes.catalogueEntry()), settings.catalogueTopic());
        topology.addProcessor(PROCESSOR_SCORING, () -> new ScoringProcessor(settings, models, control),
                SOURCE_GUEST_PROFILES, SOURCE_CATALOGUE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_GUESTS),
                Serdes.String(), topics.guestProfiles().valueSerde()), PROCESSOR_SCORING);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_CATALOGUE),
                Serdes.String(), serdes.catalogueEntry()), PROCESSOR_SCORING);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_AUDIENCE_TWINS),
                Serdes.String(), Serdes.String()), PROCESSOR_SCORING);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_RECOMMENDATIONS),
                Serdes.String(), topics.recommendations().valueSerde()), PROCESSOR_SCORING);
        topology.addSink(SINK_RECOMMENDATIONS, topics.recommendations().name(), Serdes.String().serializer(),
                topics.recommendations().valueSerde().serializer(), PROCESSOR_SCORING);
        topology.addSink(SINK_RECOMMENDATION_CHANGES, topics.recommendationChanges().name(),
                Serdes.String().serializer(), topics.recommendationChanges().valueSerde().serializer(),
                PROCESSOR_SCORING);
        topology.addSink(SINK_SIGNAL_EVENTS, settings.signalEventsTopic(), Serdes.String().serializer(),
                serdes.signalEvent().serializer(), PROCESSOR_SCORING);
    }

    /** Clicks and purchases that answer a recommendation become rewards for the arm that made it. */
    private static void addFeedback(Topology topology, ScoringSettings settings, ScoringSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        feedbackSource(topology, SOURCE_CLICK_EVENTS, topics.clickEvents());
        feedbackSource(topology, SOURCE_TICKET_SALES, topics.ticketSales());
        feedbackSource(topology, SOURCE_EMAIL_RESPONSES, topics.emailResponses());
        feedbackSource(topology, SOURCE_AD_INTERACTIONS, topics.adInteractions());
        topology.addProcessor(PROCESSOR_FEEDBACK, () -> new FeedbackRouter(settings.attributionWindow(),
                settings.clickReward()), SOURCE_CLICK_EVENTS, SOURCE_TICKET_SALES, SOURCE_EMAIL_RESPONSES,
                SOURCE_AD_INTERACTIONS);
        topology.addSink(SINK_FEEDBACK_SIGNAL_EVENTS, settings.signalEventsTopic(), Serdes.String().serializer(),
                serdes.signalEvent().serializer(), PROCESSOR_FEEDBACK);
    }

    /** Signal contributions are folded per key and shared with every instance through a global store. */
    private static void addSignals(Topology topology, ScoringSettings settings, ScoringSerdes serdes) {
        topology.addSource(SOURCE_SIGNAL_EVENTS, Serdes.String().deserializer(), serdes.signalEvent().deserializer(),
                settings.signalEventsTopic());
        topology.addProcessor(PROCESSOR_SIGNALS, () -> new SignalAggregator(settings.attributionWindow()),
                SOURCE_SIGNAL_EVENTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_SIGNALS),
                Serdes.String(), serdes.sharedSignal()), PROCESSOR_SIGNALS);
        topology.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(
                STORE_REWARDED), Serdes.String(), Serdes.Double()), PROCESSOR_SIGNALS);
        topology.addSink(SINK_SIGNALS, settings.signalsTopic(), Serdes.String().serializer(),
                serdes.sharedSignal().serializer(), PROCESSOR_SIGNALS);
        topology.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(
                        STORE_SIGNALS_GLOBAL), Serdes.String(), serdes.sharedSignal()).withLoggingDisabled(),
                SOURCE_SIGNALS, Serdes.String().deserializer(), serdes.sharedSignal().deserializer(),
                settings.signalsTopic(), PROCESSOR_SIGNALS_LOADER,
                () -> new GlobalStoreLoader<SharedSignal>(STORE_SIGNALS_GLOBAL));
    }

    /** ADS-list memberships become per-concert audiences; aliases become a global lookup for the API. */
    private static void addAudiencesAndAliases(Topology topology, ScoringSettings settings, ScoringSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        topology.addSink(SINK_AUDIENCE_CANDIDATES, settings.audienceCandidatesTopic(), Serdes.String().serializer(),
                serdes.audienceCandidate().serializer(), PROCESSOR_SCORING);
        topology.addSource(SOURCE_AUDIENCE_CANDIDATES, Serdes.String().deserializer(),
                serdes.audienceCandidate().deserializer(), settings.audienceCandidatesTopic());
        topology.addProcessor(PROCESSOR_AUDIENCES, () -> new AudienceAggregator(settings.audienceSize(),
                settings.audiencePublishInterval()), SOURCE_AUDIENCE_CANDIDATES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_AUDIENCES),
                Serdes.String(), topics.concertAudiences().valueSerde()), PROCESSOR_AUDIENCES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_AUDIENCE_PENDING),
                Serdes.String(), serdes.audienceCandidate()), PROCESSOR_AUDIENCES);
        topology.addSink(SINK_CONCERT_AUDIENCES, topics.concertAudiences().name(), Serdes.String().serializer(),
                topics.concertAudiences().valueSerde().serializer(), PROCESSOR_AUDIENCES);
        topology.addSink(SINK_ALIASES, settings.aliasesTopic(), Serdes.String().serializer(),
                serdes.aliasTarget().serializer(), PROCESSOR_SCORING);
        topology.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(
                        STORE_ALIASES_GLOBAL), Serdes.String(), serdes.aliasTarget()).withLoggingDisabled(),
                SOURCE_ALIASES, Serdes.String().deserializer(), serdes.aliasTarget().deserializer(),
                settings.aliasesTopic(), PROCESSOR_ALIASES_LOADER,
                () -> new GlobalStoreLoader<AliasTarget>(STORE_ALIASES_GLOBAL));
    }

    /**
     * Campaigns (one partition) are broadcast like the catalogue; the selector shares the scoring processor's
     * guest and catalogue stores, so it runs in the same sub-topology, next to the guests' contacts.
     */
    private static void addCampaigns(Topology topology, ScoringSettings settings, ScoringSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        Topic<String, Campaign> campaigns = topics.campaigns();
        topology.addSource(SOURCE_CAMPAIGNS, Serdes.String().deserializer(), campaigns.valueSerde().deserializer(),
                campaigns.name());
        topology.addProcessor(PROCESSOR_CAMPAIGN_BROADCASTER, CampaignBroadcaster::new, SOURCE_CAMPAIGNS);
        topology.addSink(SINK_CAMPAIGNS, settings.campaignsTopic(), Serdes.String().serializer(),
                campaigns.valueSerde().serializer(), broadcast(), PROCESSOR_CAMPAIGN_BROADCASTER);
        topology.addSource(SOURCE_CAMPAIGN_BROADCAST, Serdes.String().deserializer(),
                AvroSerde.anyRecord(campaigns.valueSerde()), settings.campaignsTopic());
        topology.addSource(SOURCE_GUEST_CONTACTS, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.guestContacts().valueSerde()), topics.guestContacts().name());
        topology.addProcessor(PROCESSOR_CAMPAIGN_SELECTOR, () -> new CampaignSelector(settings, topics.guestProfiles().partitions()),
                SOURCE_CAMPAIGN_BROADCAST, SOURCE_GUEST_CONTACTS);
        topology.connectProcessorAndStateStores(PROCESSOR_CAMPAIGN_SELECTOR, STORE_GUESTS, STORE_CATALOGUE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_GUEST_CONTACTS),
                Serdes.String(), topics.guestContacts().valueSerde()), PROCESSOR_CAMPAIGN_SELECTOR, PROCESSOR_SCORING);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_CONTACT_LEDGER),
                Serdes.String(), Serdes.String()), PROCESSOR_CAMPAIGN_SELECTOR, PROCESSOR_SCORING);
        topology.addSink(SINK_EMAIL_SENDS, topics.emailSends().name(), Serdes.String().serializer(),
                topics.emailSends().valueSerde().serializer(), PROCESSOR_CAMPAIGN_SELECTOR);
        topology.addSink(SINK_PRINT_SENDS, topics.printSends().name(), Serdes.String().serializer(),
                topics.printSends().valueSerde().serializer(), PROCESSOR_CAMPAIGN_SELECTOR);
        topology.addSink(SINK_CAMPAIGN_REPORTS, topics.campaignReports().name(), Serdes.String().serializer(),
                topics.campaignReports().valueSerde().serializer(), PROCESSOR_CAMPAIGN_SELECTOR);
        // An erased guest: its contact's tombstone (the CRM's topic, compacted) and the audit record.
        topology.addSink(SINK_GUEST_CONTACTS, topics.guestContacts().name(), Serdes.String().serializer(),
                topics.guestContacts().valueSerde().serializer(), PROCESSOR_SCORING);
        topology.addSink(SINK_ERASURE_AUDITS, topics.erasureAudits().name(), Serdes.String().serializer(),
                topics.erasureAudits().valueSerde().serializer(), PROCESSOR_SCORING);
    }

    private static void feedbackSource(Topology topology, String name, Topic<String, ? extends SpecificRecord> topic) {
        topology.addSource(name, Serdes.String().deserializer(), AvroSerde.anyRecord(topic.valueSerde()), topic.name());
    }

    /** Every record to every partition of the topic (KIP-837 multicast). */
    static <V> StreamPartitioner<String, V> broadcast() {
        return (topic, key, value, partitions) -> Optional.of(all(partitions));
    }

    /**
     * The private topics the topology needs besides the catalogue's, created by the app at start, each with as
     * many partitions as {@code guest-profiles}: the catalogue must (it is broadcast to every partition and read
     * with the guests of that partition), so must the campaigns (likewise); the others follow so that one
     * partition count describes the app.
     * Events are kept 7 days; the signals and aliases, read in full by every instance, are compacted.
     */
    public static List<PrivateTopics.Spec> privateTopics(ScoringSettings settings, TopicCatalogue topics) {
        PrivateTopics.Partitions partitions = PrivateTopics.Partitions.sameAs(topics.guestProfiles().name(),
                topics.guestProfiles().partitions());
        return List.of(
                PrivateTopics.Spec.deleted(settings.catalogueTopic(), partitions, EVENT_RETENTION),
                PrivateTopics.Spec.deleted(settings.audienceCandidatesTopic(), partitions, EVENT_RETENTION),
                PrivateTopics.Spec.deleted(settings.signalEventsTopic(), partitions, EVENT_RETENTION),
                PrivateTopics.Spec.deleted(settings.campaignsTopic(), partitions, EVENT_RETENTION),
                PrivateTopics.Spec.compacted(settings.signalsTopic(), partitions),
                PrivateTopics.Spec.compacted(settings.aliasesTopic(), partitions));
    }

    static Set<Integer> all(int partitions) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
