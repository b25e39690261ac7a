package io.encore.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.topic.Topic;

/** The traffic the app ITs send and read: clients on the shared broker, and a small believable catalogue. */
final class ItTraffic {

    private ItTraffic() {
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Serialized with the topic's own serde, so the record crosses the registry like a real producer's. */
    static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic,
                                                String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /** A consumer that sees only committed transactions, from the beginning. */
    static KafkaConsumer<String, byte[]> committedConsumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String key(GuestIdentifier identifier) {
        return identifier.getType() + ":" + identifier.getValue();
    }

    /** Concert {@code c-<c>}: six performers, three sub-genres, two halls, one a day from 30 days after {@code start}. */
    static Concert concert(int c, Instant start) {
        return Concert.newBuilder()
                .setConcertId("c-" + c).setTitle("Concert " + c).setDescription("An evening of music number " + c)
                .setLanguage(c % 2 == 0 ? "da" : "en")
                .setPerformers(List.of(new Performer("Performer " + (c % 6), PerformerRole.ARTIST)))
                .setTags(List.of(c % 3 == 0 ? "vocal jazz" : c % 3 == 1 ? "symphonic" : "indie"))
                .setHall("Hall " + (c % 2)).setStartTime(start.plus(Duration.ofDays(30 + c)))
                .setStatus(ConcertStatus.ON_SALE).setVersion(1L).setUpdatedAt(start).build();
    }

    static ClickEvent click(String eventId, GuestIdentifier who, String concertId, ClickType type, Instant at) {
        return ClickEvent.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setIdentifier(who)
                .setSessionId("s").setType(type).setChannel(Channel.WEB).setConcertId(concertId)
                .setPageUrl("https://hall.example/" + concertId).setDevice(Device.DESKTOP).setSource("it").build();
    }

    /** A fresh state directory under target/, never under the OS temp directory. */
    static Path stateDir(String prefix) {
        try {
            return Files.createDirectories(Path.of("target", "it-state")).resolve(prefix + "-" + System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
