package io.encore.web.actions;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.encore.schemas.topic.Topic;

/**
 * {@link EventSink} on a Kafka producer. Keys and values are serialised with the topic's own serdes (plain
 * UTF-8 keys, Avro values in the Confluent wire format), so the records are byte for byte what any other
 * producer of the topic writes. Idempotent with {@code acks=all}: a retried send is never duplicated.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {

    private final Producer<byte[], byte[]> producer;

    public KafkaEventSink(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** A producer with the given client properties (bootstrap servers, security) and safe defaults. */
    public static KafkaEventSink create(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "encore-web-actions");
        return new KafkaEventSink(new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Override
    public <V> CompletableFuture<Delivered> send(Topic<String, V> topic, String key, V value) {
        CompletableFuture<Delivered> delivered = new CompletableFuture<>();
        try {
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error != null) {
                    delivered.completeExceptionally(error);
                } else {
                    delivered.complete(new Delivered(metadata.topic(), metadata.partition(), metadata.offset()));
                }
            });
        } catch (KafkaException e) {
            // the registry is down (serializer) or the producer refuses at once: the caller answers 503
            delivered.completeExceptionally(e);
        }
        return delivered;
    }

    @Override
    public void close() {
        producer.close();
    }
}
