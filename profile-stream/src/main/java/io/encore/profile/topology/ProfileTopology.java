package io.encore.profile.topology;

import java.time.Duration;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import io.encore.profile.config.ProfileSettings;
import io.encore.profile.processor.ConcertProfiler;
import io.encore.profile.processor.GuestProcessor;
import io.encore.runtime.errors.SizeLimit;
import io.encore.runtime.streams.GlobalStoreLoader;
import io.encore.runtime.streams.PrivateTopics;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

import static io.encore.profile.topology.ProfileNames.PROCESSOR_CONCERT_PROFILER;
import static io.encore.profile.topology.ProfileNames.PROCESSOR_CONCERT_PROFILES_LOADER;
import static io.encore.profile.topology.ProfileNames.PROCESSOR_GUESTS;
import static io.encore.profile.topology.ProfileNames.SINK_CATALOGUE;
import static io.encore.profile.topology.ProfileNames.SINK_CONCERT_PROFILES;
import static io.encore.profile.topology.ProfileNames.SINK_DEAD_LETTERS;
import static io.encore.profile.topology.ProfileNames.SINK_ERASURE_AUDITS;
import static io.encore.profile.topology.ProfileNames.SINK_GUEST_COMMANDS;
import static io.encore.profile.topology.ProfileNames.SINK_GUEST_PROFILES;
import static io.encore.profile.topology.ProfileNames.SINK_IDENTITY_LINKS;
import static io.encore.profile.topology.ProfileNames.SINK_SEGMENT_CHANGES;
import static io.encore.profile.topology.ProfileNames.SOURCE_AD_INTERACTIONS;
import static io.encore.profile.topology.ProfileNames.SOURCE_CATALOGUE;
import static io.encore.profile.topology.ProfileNames.SOURCE_CLICK_EVENTS;
import static io.encore.profile.topology.ProfileNames.SOURCE_CONCERTS;
import static io.encore.profile.topology.ProfileNames.SOURCE_CONCERT_PROFILES;
import static io.encore.profile.topology.ProfileNames.SOURCE_EMAIL_RESPONSES;
import static io.encore.profile.topology.ProfileNames.SOURCE_GUEST_COMMANDS;
import static io.encore.profile.topology.ProfileNames.SOURCE_GUEST_CONSENTS;
import static io.encore.profile.topology.ProfileNames.SOURCE_IDENTITY_LINKS;
import static io.encore.profile.topology.ProfileNames.SOURCE_MARKET_SPEND;
import static io.encore.profile.topology.ProfileNames.SOURCE_TICKET_SALES;
import static io.encore.profile.topology.ProfileNames.STORE_CONCERT_PROFILES;
import static io.encore.profile.topology.ProfileNames.STORE_CONCERT_TERMS;
import static io.encore.profile.topology.ProfileNames.STORE_DOCUMENT_FREQUENCIES;
import static io.encore.profile.topology.ProfileNames.STORE_GUESTS;
import static io.encore.profile.topology.ProfileNames.STORE_PENDING_EVENTS;
import static io.encore.profile.topology.ProfileNames.STORE_SEEN_EVENTS;
import static io.encore.profile.topology.ProfileNames.STORE_SEGMENT_COUNTS;
import static io.encore.profile.topology.ProfileNames.STORE_VALUE_HISTOGRAMS;

/**
 * The profile-stream topology, a pure factory shared by {@code main} and the tests. Two sub-topologies and a
 * global store:
 *
 * <pre>
 *  click-events, email-responses, ad-interactions, ticket-sales,
 *  identity-links, guest-consents, market-spend, guest-commands ──► guest-processor ──► guest-profiles
 *                                        ▲                              │  ├──► segment-changes
 *                                        └──────── guest-commands ◄─────┘  └──► dead-letters
 *  concerts ──► catalogue (1 partition) ──► concert-profiler ──► concert-profiles ──► concert-profiles-global
 * </pre>
 *
 * The guest-commands topic is co-partitioned with the input topics (same key, same partition count): it
 * carries events of merged identifiers to their guest and the messages of an identity merge.
 */
public final class ProfileTopology {

    private ProfileTopology() {
    }

    public static Topology build(ProfileSettings settings, ProfileSerdes serdes) {
        Topology topology = new Topology();
        addGuestSide(topology, settings, serdes);
        addCatalogueSide(topology, settings, serdes);
        addConcertProfilesGlobalStore(topology, serdes.catalogue());
        return topology;
    }

    private static void addGuestSide(Topology topology, ProfileSettings settings, ProfileSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        OccurredAtExtractor eventTime = new OccurredAtExtractor(settings.maxFutureSkew().toMillis());
        Deserializer<String> keys = Serdes.String().deserializer();
        source(topology, SOURCE_CLICK_EVENTS, eventTime, settings.maxRecordBytes(), topics.clickEvents());
        source(topology, SOURCE_EMAIL_RESPONSES, eventTime, settings.maxRecordBytes(), topics.emailResponses());
        source(topology, SOURCE_AD_INTERACTIONS, eventTime, settings.maxRecordBytes(), topics.adInteractions());
        source(topology, SOURCE_TICKET_SALES, eventTime, settings.maxRecordBytes(), topics.ticketSales());
        source(topology, SOURCE_IDENTITY_LINKS, eventTime, settings.maxRecordBytes(), topics.identityLinks());
        source(topology, SOURCE_GUEST_CONSENTS, eventTime, settings.maxRecordBytes(), topics.guestConsents());
        source(topology, SOURCE_MARKET_SPEND, eventTime, settings.maxRecordBytes(), topics.marketSpend());
        topology.addSource(SOURCE_GUEST_COMMANDS, keys, AvroSerde.anyRecord(serdes.guestCommand()),
                settings.guestCommandsTopic());
        topology.addProcessor(PROCESSOR_GUESTS, () -> new GuestProcessor(settings), SOURCE_CLICK_EVENTS,
                SOURCE_EMAIL_RESPONSES, SOURCE_AD_INTERACTIONS, SOURCE_TICKET_SALES, SOURCE_IDENTITY_LINKS,
                SOURCE_GUEST_CONSENTS, SOURCE_MARKET_SPEND, SOURCE_GUEST_COMMANDS);
        Serde<String> strings = Serdes.String();
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_GUESTS), strings,
                serdes.guestState()), PROCESSOR_GUESTS);
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE_SEEN_EVENTS,
                settings.dedupRetention(), Duration.ofMillis(1), false), strings, Serdes.Long()), PROCESSOR_GUESTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_PENDING_EVENTS),
                strings, serdes.guestCommand()), PROCESSOR_GUESTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_VALUE_HISTOGRAMS),
                strings, serdes.valueHistogram()), PROCESSOR_GUESTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_SEGMENT_COUNTS),
                strings, Serdes.Long()), PROCESSOR_GUESTS);
        Serializer<String> keyOut = strings.serializer();
        topology.addSink(SINK_GUEST_COMMANDS, settings.guestCommandsTopic(), keyOut,
                serdes.guestCommand().serializer(), PROCESSOR_GUESTS);
        sink(topology, SINK_GUEST_PROFILES, topics.guestProfiles(), PROCESSOR_GUESTS);
        sink(topology, SINK_SEGMENT_CHANGES, topics.segmentChanges(), PROCESSOR_GUESTS);
        sink(topology, SINK_DEAD_LETTERS, topics.deadLetters(), PROCESSOR_GUESTS);
        // Erasure: tombstones for the guest's links (the app ignores tombstones it reads back) and the audit record.
        sink(topology, SINK_IDENTITY_LINKS, topics.identityLinks(), PROCESSOR_GUESTS);
        sink(topology, SINK_ERASURE_AUDITS, topics.erasureAudits(), PROCESSOR_GUESTS);
    }

    private static void addCatalogueSide(Topology topology, ProfileSettings settings, ProfileSerdes serdes) {
        TopicCatalogue topics = serdes.catalogue();
        // Concerts travel to the single-partition catalogue topic as they are: decoding happens once, there.
        topology.addSource(SOURCE_CONCERTS, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.concerts().name());
        topology.addSink(SINK_CATALOGUE, settings.catalogueTopic(), new ByteArraySerializer(),
                new ByteArraySerializer(), SOURCE_CONCERTS);
        topology.addSource(SOURCE_CATALOGUE, Serdes.String().deserializer(),
                SizeLimit.refuseOver(settings.maxRecordBytes(), topics.concerts().valueSerde().deserializer()),
                settings.catalogueTopic());
        topology.addProcessor(PROCESSOR_CONCERT_PROFILER, () -> new ConcertProfiler(settings), SOURCE_CATALOGUE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_CONCERT_TERMS),
                Serdes.String(), serdes.concertTerms()), PROCESSOR_CONCERT_PROFILER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_DOCUMENT_FREQUENCIES),
                Serdes.String(), Serdes.Long()), PROCESSOR_CONCERT_PROFILER);
        sink(topology, SINK_CONCERT_PROFILES, topics.concertProfiles(), PROCESSOR_CONCERT_PROFILER);
    }

    /** Every instance holds every concert profile: any guest partition may need any concert. */
    private static void addConcertProfilesGlobalStore(Topology topology, TopicCatalogue topics) {
        Topic<String, ConcertProfile> profiles = topics.concertProfiles();
        topology.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(STORE_CONCERT_PROFILES),
                        Serdes.String(), profiles.valueSerde()).withLoggingDisabled(),
                SOURCE_CONCERT_PROFILES, Serdes.String().deserializer(), profiles.valueSerde().deserializer(),
                profiles.name(), PROCESSOR_CONCERT_PROFILES_LOADER,
                () -> new GlobalStoreLoader<ConcertProfile>(STORE_CONCERT_PROFILES));
    }

    private static void source(Topology topology, String name, OccurredAtExtractor eventTime, int maxRecordBytes,
                               Topic<String, ? extends SpecificRecord> topic) {
        topology.addSource(AutoOffsetReset.earliest(), name, eventTime, Serdes.String().deserializer(),
                SizeLimit.refuseOver(maxRecordBytes, AvroSerde.anyRecord(topic.valueSerde())), topic.name());
    }

    private static void sink(Topology topology, String name, Topic<String, ?> topic, String parent) {
        topology.addSink(name, topic.name(), Serdes.String().serializer(), topic.valueSerde().serializer(), parent);
    }

    /**
     * The private topics the topology reads and writes besides the catalogue's, created by the app at start:
     * {@code guest-commands} co-partitioned with the input topics (it carries their keys), kept 7 days, and
     * the {@code catalogue} on one partition, where the whole catalogue meets for document frequencies.
     */
    public static List<PrivateTopics.Spec> privateTopics(ProfileSettings settings, TopicCatalogue topics) {
        return List.of(
                PrivateTopics.Spec.deleted(settings.guestCommandsTopic(),
                        PrivateTopics.Partitions.sameAs(topics.clickEvents().name(), topics.clickEvents().partitions()),
                        Duration.ofDays(7)),
                PrivateTopics.Spec.compacted(settings.catalogueTopic(), PrivateTopics.Partitions.exactly(1)));
    }
}
