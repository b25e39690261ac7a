package io.encore.stack.bench;

import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/** The benchmark's own clients: a producer like any channel system's, and read_committed consumers. */
final class Clients {

    private Clients() {
    }

    /** Idempotent, acks=all (the defaults), batching like a busy producer. */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer without a group that sees committed transactions only; the caller assigns partitions. */
    static KafkaConsumer<String, byte[]> committedConsumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Serialized with the topic's own serde, so the record crosses the registry like a real producer's. */
    static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic,
                                                String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /** A workload event to its input topic, keyed by the guest's identifier. */
    static void sendEvent(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, Object event) {
        if (event instanceof TicketSale sale) {
            send(producer, topics.ticketSales(), Workload.key(sale.getIdentifier()), sale);
        } else if (event instanceof GuestConsent consent) {
            send(producer, topics.guestConsents(), Workload.key(consent.getIdentifier()), consent);
        } else if (event instanceof ClickEvent click) {
            send(producer, topics.clickEvents(), Workload.key(click.getIdentifier()), click);
        } else {
            throw new IllegalArgumentException("not a workload event: " + event);
        }
    }
}
