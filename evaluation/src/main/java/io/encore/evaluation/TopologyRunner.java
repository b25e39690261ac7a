package io.encore.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.schemas.registry.RegistryClientConfig;

/**
 * One of Encore's topologies in a {@link TopologyTestDriver}, configured like production (the dead-letter
 * handler for deserialization and processing errors, the registry scope) with its own state directory and a
 * wall clock the replay moves. Records cross between topologies as the bytes a broker would carry.
 *
 * <p>The driver keeps every record any sink wrote until it is read, private topics included, so
 * {@link #drain()} must run now and then or memory grows with the replay.
 */
final class TopologyRunner implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final String deadLetterTopic;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
    private Instant wallClock;
    private long deadLetters;

    TopologyRunner(String applicationId, Topology topology, Path stateRoot, String registryScope,
                   String deadLetterTopic, Instant wallClock) {
        this.deadLetterTopic = deadLetterTopic;
        this.wallClock = wallClock;
        try {
            stateDir = Files.createDirectories(stateRoot.resolve(applicationId));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + stateRoot, e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put("processing.exception.handler.global.enabled", true); // the future default (5.0)
        props.put(DeadLetterHandler.TOPIC_CONFIG, deadLetterTopic);
        props.put(RegistryClientConfig.URL_CONFIG, "mock://" + registryScope);
        driver = new TopologyTestDriver(topology, props, wallClock);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    Instant wallClock() {
        return wallClock;
    }

    /** Moves the wall clock forward to {@code instant} (never back), firing due wall-clock punctuations once. */
    void advanceTo(Instant instant) {
        if (instant.isAfter(wallClock)) {
            Duration by = Duration.between(wallClock, instant);
            wallClock = instant;
            driver.advanceWallClockTime(by);
        }
    }

    void pipe(String topic, String key, byte[] value, Instant timestamp) {
        inputs.computeIfAbsent(topic, name -> driver.createInputTopic(name, Serdes.String().serializer(),
                new ByteArraySerializer())).pipeInput(new TestRecord<>(key, value, null, timestamp.toEpochMilli()));
    }

    /** The records written to {@code topic} since the last read, in order. */
    List<TestRecord<String, byte[]>> read(String topic) {
        TestOutputTopic<String, byte[]> output = outputs.computeIfAbsent(topic, name -> driver.createOutputTopic(name,
                Serdes.String().deserializer(), new ByteArrayDeserializer()));
        return output.isEmpty() ? List.of() : output.readRecordsToList();
    }

    /** Discards everything written except {@code keep}, counting dead letters. */
    void drain(Set<String> keep) {
        for (String topic : new ArrayList<>(driver.producedTopicNames())) {
            if (!keep.contains(topic)) {
                int read = read(topic).size();
                if (topic.equals(deadLetterTopic)) {
                    deadLetters += read;
                }
            }
        }
    }

    long deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            try (Stream<Path> paths = Files.walk(stateDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("cannot delete " + stateDir, e);
            }
        }
    }
}
