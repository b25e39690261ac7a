package io.encore.profile.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.encore.profile.avro.GuestState;
import io.encore.profile.config.ProfileSettings;
import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.runtime.metrics.Metrics;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The profile topology in a {@link TopologyTestDriver}, wired like production: a (mock) registry, the
 * dead-letter handler for deserialization and processing errors, and the private topics looping back.
 */
final class ProfileDriver implements AutoCloseable {

    final ProfileSettings settings;
    final TopicCatalogue topics;
    final TopologyTestDriver driver;
    /** The registry the processors and the dead-letter handler count on, as the app's /metrics serves it. */
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String registryScope;
    private final Path stateDir;
    private final Map<String, TestOutputTopic<String, ?>> outputs = new HashMap<>();
    private Instant wallClock;

    ProfileDriver() {
        this(ProfileSettings.defaults(), Fixtures.T0);
    }

    ProfileDriver(ProfileSettings settings, Instant wallClock) {
        this.settings = settings;
        this.wallClock = wallClock;
        this.registryScope = "profile-" + UUID.randomUUID();
        AvroWireFormat format = new AvroWireFormat(InMemorySchemaRegistry.forScope(registryScope), true);
        this.topics = new TopicCatalogue(settings.topicPrefix(), 4, format);
        try {
            this.stateDir = Files.createDirectories(Path.of("target", "state")).resolve("driver-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put("processing.exception.handler.global.enabled", true); // the future default (5.0); the constant is deprecated
        props.put(DeadLetterHandler.TOPIC_CONFIG, topics.deadLetters().name());
        props.put(RegistryClientConfig.URL_CONFIG, "mock://" + registryScope);
        props.put(Metrics.REGISTRY_CONFIG, meters);
        driver = new TopologyTestDriver(ProfileTopology.build(settings, ProfileSerdes.of(topics, format)), props,
                wallClock);
    }

    <V extends SpecificRecord> void pipe(Topic<String, V> topic, String key, V value) {
        TestInputTopic<String, V> input = driver.createInputTopic(topic.name(), Serdes.String().serializer(),
                topic.valueSerde().serializer());
        input.pipeInput(new TestRecord<>(key, value, null, wallClock.toEpochMilli()));
    }

    void pipeRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, Serdes.String().serializer(), new ByteArraySerializer())
                .pipeInput(key, value, wallClock);
    }

    /** Moves the wall clock (punctuations: pending retries, catalogue refresh, the segment sweep). */
    void advanceWallClock(Duration by) {
        wallClock = wallClock.plus(by);
        driver.advanceWallClockTime(by);
    }

    /** The latest profile per guest from everything published so far (tombstones remove). */
    Map<String, GuestProfile> profiles() {
        Map<String, GuestProfile> latest = new LinkedHashMap<>();
        output(topics.guestProfiles()).readRecordsToList().forEach(record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }

    List<SegmentChange> segmentChanges() {
        return output(topics.segmentChanges()).readValuesToList();
    }

    List<DeadLetter> deadLetters() {
        return output(topics.deadLetters()).readValuesToList();
    }

    /** Dead letters with their Kafka headers; reads from the same position as {@link #deadLetters()}. */
    List<TestRecord<String, DeadLetter>> deadLetterRecords() {
        return output(topics.deadLetters()).readRecordsToList();
    }

    /** The driver's current wall clock (moved only by {@link #advanceWallClock}). */
    Instant wallClock() {
        return wallClock;
    }

    /** Moves the wall clock forward to {@code instant}, so events up to then are not in the future. */
    void advanceWallClockTo(Instant instant) {
        advanceWallClock(Duration.between(wallClock, instant));
    }

    /** Every record written to {@code topic} since the last read of it, with headers. */
    <V> List<TestRecord<String, V>> records(Topic<String, V> topic) {
        return output(topic).readRecordsToList();
    }

    KeyValueStore<String, GuestState> guests() {
        return driver.getKeyValueStore(ProfileNames.STORE_GUESTS);
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
