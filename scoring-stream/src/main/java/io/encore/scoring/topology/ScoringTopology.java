package io.encore.scoring.topology;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.processor.CatalogueJoiner;
import io.encore.scoring.processor.ScoringProcessor;

import static io.encore.scoring.topology.ScoringNames.PROCESSOR_CATALOGUE_JOINER;
import static io.encore.scoring.topology.ScoringNames.PROCESSOR_SCORING;
import static io.encore.scoring.topology.ScoringNames.SINK_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.SINK_RECOMMENDATIONS;
import static io.encore.scoring.topology.ScoringNames.SINK_RECOMMENDATION_CHANGES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CONCERTS;
import static io.encore.scoring.topology.ScoringNames.SOURCE_CONCERT_PROFILES;
import static io.encore.scoring.topology.ScoringNames.SOURCE_GUEST_PROFILES;
import static io.encore.scoring.topology.ScoringNames.STORE_BANDITS;
import static io.encore.scoring.topology.ScoringNames.STORE_CATALOGUE;
import static io.encore.scoring.topology.ScoringNames.STORE_CATALOGUE_JOIN;
import static io.encore.scoring.topology.ScoringNames.STORE_GUESTS;
import static io.encore.scoring.topology.ScoringNames.STORE_RECOMMENDATIONS;

/**
 * The scoring-stream topology, a pure factory shared by {@code main} and the tests:
 *
 * <pre>
 *  concerts, concert-profiles ──► catalogue-joiner ──► catalogue (broadcast: one copy per partition)
 *  guest-profiles, catalogue ──► scoring-processor ──► recommendations, recommendation-changes
 * </pre>
 *
 * The private catalogue topic has as many partitions as {@code guest-profiles}; every catalogue change is
 * written to all of them, so each task keeps the whole catalogue and re-scores only the guests it owns.
 */
public final class ScoringTopology {

    private ScoringTopology() {
    }

    public static Topology build(ScoringSettings settings, ScoringSerdes serdes, Supplier<List<ScoringModel>> models,
                                 Supplier<ScoringModel> control) {
        TopicCatalogue topics = serdes.catalogue();
        Topology topology = new Topology();
        topology.addSource(SOURCE_CONCERTS, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.concerts().valueSerde()), topics.concerts().name());
        topology.addSource(SOURCE_CONCERT_PROFILES, Serdes.String().deserializer(),
                AvroSerde.anyRecord(topics.concertProfiles().valueSerde()), topics.concertProfiles().name());
        topology.addProcessor(PROCESSOR_CATALOGUE_JOINER, CatalogueJoiner::new, SOURCE_CONCERTS, SOURCE_CONCERT_PROFILES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_CATALOGUE_JOIN),
                Serdes.String(), serdes.catalogueEntry()), PROCESSOR_CATALOGUE_JOINER);
        topology.addSink(SINK_CATALOGUE, settings.catalogueTopic(), Serdes.String().serializer(),
                serdes.catalogueEntry().serializer(), broadcast(), PROCESSOR_CATALOGUE_JOINER);

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
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_RECOMMENDATIONS),
                Serdes.String(), topics.recommendations().valueSerde()), PROCESSOR_SCORING);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE_BANDITS),
                Serdes.String(), serdes.banditState()), PROCESSOR_SCORING);
        topology.addSink(SINK_RECOMMENDATIONS, topics.recommendations().name(), Serdes.String().serializer(),
                topics.recommendations().valueSerde().serializer(), PROCESSOR_SCORING);
        topology.addSink(SINK_RECOMMENDATION_CHANGES, topics.recommendationChanges().name(),
                Serdes.String().serializer(), topics.recommendationChanges().valueSerde().serializer(),
                PROCESSOR_SCORING);
        return topology;
    }

    /** Every record to every partition of the topic (KIP-837 multicast). */
    static StreamPartitioner<String, CatalogueEntry> broadcast() {
        return (topic, key, value, partitions) -> Optional.of(all(partitions));
    }

    /** The private topics the topology needs besides the catalogue's. */
    public static List<String> privateTopics(ScoringSettings settings) {
        return List.of(settings.catalogueTopic());
    }

    static Set<Integer> all(int partitions) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
