package io.encore.importer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How far each import got, in a compacted topic of the importer's own ({@code <prefix>encore-import-ledger},
 * one partition): key the import's id (a digest of the files' names and contents), value the position in the
 * merged row sequence up to which rows were produced, written in the same transaction as those rows. So
 * what the ledger says was produced was produced, exactly once, and nothing else was.
 */
final class ImportLedger {

    static final String LOGICAL_NAME = "encore-import-ledger";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One import's progress.
     *
     * @param position  rows of the merged sequence handled (produced or rejected) and committed
     * @param completed true once every row was handled
     */
    record Entry(long position, boolean completed, long produced, long rejected) {

        static final Entry START = new Entry(0, false, 0, 0);
    }

    private final String topic;
    private final Map<String, Object> clientSettings;

    ImportLedger(String prefix, Map<String, Object> clientSettings) {
        this.topic = prefix + LOGICAL_NAME;
        this.clientSettings = clientSettings;
    }

    String topic() {
        return topic;
    }

    /** Creates the ledger topic when it is missing (compacted, one partition, the broker's replication factor). */
    void ensureTopic() {
        Properties props = new Properties();
        props.putAll(clientSettings);
        try (Admin admin = Admin.create(props)) {
            NewTopic ledger = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(ledger)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ImportException("cannot create the ledger topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("interrupted while creating the ledger topic " + topic, e);
        }
        ensureReadable(props);
    }

    /** The committed progress of {@code importId}, or {@link Entry#START} when it never ran. */
    Entry read(String importId) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        Entry entry = Entry.START;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(partition, READ_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new ImportException("cannot read the ledger topic " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (importId.equals(record.key())) {
                        entry = record.value() == null ? Entry.START : parse(record.value());
                    }
                }
            }
        }
        return entry;
    }

    /** The record that says {@code entry} for {@code importId}, for the producer's open transaction. */
    ProducerRecord<String, byte[]> record(String importId, Entry entry) {
        try {
            return new ProducerRecord<>(topic, importId, JSON.writeValueAsBytes(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of numbers always writes as JSON", e);
        }
    }

    private Entry parse(byte[] value) {
        try {
            return JSON.readValue(value, Entry.class);
        } catch (IOException e) {
            throw new ImportException("the ledger topic " + topic + " holds a record that is not an import entry: " + e.getMessage(), e);
        }
    }

    /** Waits until the new topic's leader is known, so the first read does not race the creation. */
    private void ensureReadable(Properties props) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException retry) {
                    // not in the metadata yet
                }
                if (System.nanoTime() > deadline) {
                    throw new ImportException("the ledger topic " + topic + " did not appear within " + READ_TIMEOUT);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportException("interrupted while waiting for the ledger topic " + topic, e);
        }
    }
}
