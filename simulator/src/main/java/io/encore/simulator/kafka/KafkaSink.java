package io.encore.simulator.kafka;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

/**
 * Produces to Encore's real input topics with Encore's serdes (Confluent wire format over the registry), as a
 * real integration would. The producer is idempotent (a retried batch is not duplicated) and compresses with
 * lz4; event ids are the simulation's own, so a re-run of a seed produces the same ids and Encore
 * de-duplicates what it has already seen.
 *
 * <p>Sends are asynchronous; the first failure is kept and thrown by the next {@link #accept}, {@link #flush}
 * or {@link #close}, so a broken connection stops the simulation instead of losing records silently.
 */
public final class KafkaSink implements EventSink {

    private final Producer<String, byte[]> producer;
    private final Map<OutputTopic, Topic<String, ?>> topics = new EnumMap<>(OutputTopic.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaSink(KafkaSettings settings) {
        this(settings.catalogue(), new KafkaProducer<>(config(settings), new StringSerializer(), new ByteArraySerializer()));
    }

    /** Over a given producer (tests use Kafka's {@code MockProducer}). */
    KafkaSink(TopicCatalogue catalogue, Producer<String, byte[]> producer) {
        for (OutputTopic topic : OutputTopic.values()) {
            topics.put(topic, catalogue.byLogicalName(topic.logicalName()).orElseThrow(
                    () -> new IllegalStateException("the topic catalogue has no " + topic.logicalName())));
        }
        this.producer = producer;
    }

    static Map<String, Object> config(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "encore-simulator");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.putAll(settings.clientOverrides());
        return config;
    }

    @Override
    public void accept(SimRecord record) {
        rethrow();
        Topic<String, ?> topic = topics.get(record.topic());
        byte[] value = serializer(topic).serialize(topic.name(), record.value());
        producer.send(new ProducerRecord<>(topic.name(), record.key(), value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> serializer(Topic<String, ?> topic) {
        // SimRecord checked that the value is of the topic's type.
        return (Serializer<Object>) topic.valueSerde().serializer();
    }

    @Override
    public void flush() {
        producer.flush();
        rethrow();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        rethrow();
    }

    private void rethrow() {
        Exception error = failure.get();
        if (error != null) {
            throw new KafkaException("producing to Kafka failed: " + error.getMessage(), error);
        }
    }
}
