package io.encore.scoring.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;

import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.runtime.metrics.Metrics;
import io.encore.schemas.avro.CampaignReport;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.PrintSend;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.privacy.Erasures;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.signals.SignalsView;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The scoring topology in a {@link TopologyTestDriver}, wired like production, with a mock registry. */
final class ScoringDriver implements AutoCloseable {

    final ScoringSettings settings;
    final TopicCatalogue topics;
    final TopologyTestDriver driver;
    /** The registry the processors and the dead-letter handler count on, as the app's /metrics serves it. */
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String registryScope = "scoring-" + UUID.randomUUID();
    private final Path stateDir;
    private final Map<String, TestOutputTopic<String, ?>> outputs = new HashMap<>();
    private Instant wallClock;

    ScoringDriver(ScoringSettings settings, Instant wallClock, Function<SignalsView, List<ScoringModel>> models,
                  Function<SignalsView, ScoringModel> control) {
        this.settings = settings;
        this.wallClock = wallClock;
        AvroWireFormat format = new AvroWireFormat(InMemorySchemaRegistry.forScope(registryScope), true);
        topics = new TopicCatalogue(settings.topicPrefix(), 4, format);
        try {
            stateDir = Files.createDirectories(Path.of("target", "state")).resolve("driver-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put("processing.exception.handler.global.enabled", true); // as in production (StreamsDefaults)
        props.put(DeadLetterHandler.TOPIC_CONFIG, topics.deadLetters().name());
        props.put(RegistryClientConfig.URL_CONFIG, "mock://" + registryScope);
        props.put(Metrics.REGISTRY_CONFIG, meters);
        driver = new TopologyTestDriver(ScoringTopology.build(settings, ScoringSerdes.of(topics, format), models,
                control), props, wallClock);
    }

    <V extends SpecificRecord> void pipe(Topic<String, V> topic, String key, V value) {
        pipeAt(topic, key, value, wallClock);
    }

    /** A record whose timestamp is {@code timestamp} rather than the wall clock (a profile's event time). */
    <V extends SpecificRecord> void pipeAt(Topic<String, V> topic, String key, V value, Instant timestamp) {
        driver.createInputTopic(topic.name(), Serdes.String().serializer(), topic.valueSerde().serializer())
                .pipeInput(new TestRecord<>(key, value, null, timestamp.toEpochMilli()));
    }

    /** The tombstone profile-stream writes for a guest it erased: marked with the erasure's header. */
    void pipeErasure(String guestId, String requestEventId) {
        Topic<String, GuestProfile> topic = topics.guestProfiles();
        driver.createInputTopic(topic.name(), Serdes.String().serializer(), topic.valueSerde().serializer())
                .pipeInput(new TestRecord<>(guestId, null, Erasures.mark(new RecordHeaders(), requestEventId),
                        wallClock.toEpochMilli()));
    }

    /** Every record written to {@code topic} since the last read of it. */
    <V> List<TestRecord<String, V>> records(Topic<String, V> topic) {
        return output(topic).readRecordsToList();
    }

    void advanceWallClock(Duration by) {
        wallClock = wallClock.plus(by);
        driver.advanceWallClockTime(by);
    }

    Instant wallClock() {
        return wallClock;
    }

    /** The latest set per {@code guest|CHANNEL} from everything published so far (tombstones remove). */
    Map<String, RecommendationSet> sets() {
        Map<String, RecommendationSet> latest = new LinkedHashMap<>();
        output(topics.recommendations()).readRecordsToList().forEach(record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }

    /** The latest audience per concert among those published since the last read. */
    Map<String, ConcertAudience> audiences() {
        Map<String, ConcertAudience> latest = new LinkedHashMap<>();
        output(topics.concertAudiences()).readRecordsToList().forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    /** Every audience version published since the last read, in order. */
    List<ConcertAudience> audienceRecords() {
        return new ArrayList<>(output(topics.concertAudiences()).readValuesToList());
    }

    /** The e-mails written since the last call. */
    List<EmailSend> emailSends() {
        return new ArrayList<>(output(topics.emailSends()).readValuesToList());
    }

    /** The printed pieces written since the last call. */
    List<PrintSend> printSends() {
        return new ArrayList<>(output(topics.printSends()).readValuesToList());
    }

    /** The campaign reports written since the last call. */
    List<CampaignReport> campaignReports() {
        return new ArrayList<>(output(topics.campaignReports()).readValuesToList());
    }

    /** The dead letters written since the last call. */
    List<DeadLetter> deadLetters() {
        return new ArrayList<>(output(topics.deadLetters()).readValuesToList());
    }

    List<RecommendationChange> changes() {
        return new ArrayList<>(output(topics.recommendationChanges()).readValuesToList());
    }

    /** A shared signal as every instance sees it (the global store), or null. */
    SharedSignal signal(String key) {
        ValueAndTimestamp<SharedSignal> value = driver.<String, SharedSignal>getTimestampedKeyValueStore(
                ScoringNames.STORE_SIGNALS_GLOBAL).get(key);
        return value == null ? null : value.value();
    }

    @SuppressWarnings("unchecked") // one output topic object per topic name, created with that topic's serde
    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return (TestOutputTopic<String, V>) outputs.computeIfAbsent(topic.name(), name ->
                driver.createOutputTopic(name, Serdes.String().deserializer(), topic.valueSerde().deserializer()));
    }

    @Override
    public void close() {
        driver.close();
        meters.close();
        InMemorySchemaRegistry.dropScope(registryScope);
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + stateDir, e);
        }
    }
}
