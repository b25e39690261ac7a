package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.registry.HttpSchemaRegistryClient;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryException;
import io.encore.schemas.serde.AvroDeserializer;
import io.encore.schemas.serde.AvroSerdeConfig;
import io.encore.schemas.serde.AvroSerializer;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/** The HTTP registry client and the serde against the real registry (Apicurio's Confluent API) and broker. */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryIT {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Seat\",\"namespace\":\"io.encore.it\",\"fields\":["
            + "{\"name\":\"row\",\"type\":\"string\"}]}";
    private static final String V2_COMPATIBLE = "{\"type\":\"record\",\"name\":\"Seat\",\"namespace\":\"io.encore.it\","
            + "\"fields\":[{\"name\":\"row\",\"type\":\"string\"},{\"name\":\"number\",\"type\":\"int\",\"default\":0}]}";
    private static final String V2_INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"Seat\",\"namespace\":\"io.encore.it\","
            + "\"fields\":[{\"name\":\"row\",\"type\":\"string\"},{\"name\":\"number\",\"type\":\"int\"}]}";

    @Test
    void shouldRegisterFetchAndLookUpSchemas(SharedStack stack, TestNames names) {
        // given
        Schema v1 = new Schema.Parser().parse(V1);
        String subject = names.topic("seats") + "-value";
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()));

        // when
        int id = client.register(subject, v1);

        // then: a fresh client (no cache) sees the same schema under the same id
        HttpSchemaRegistryClient fresh = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()));
        assertThat(fresh.getById(id)).isEqualTo(v1);
        assertThat(fresh.lookup(subject, v1)).isEqualTo(id);
        assertThat(fresh.register(subject, v1)).isEqualTo(id);
    }

    @Test
    void shouldAcceptACompatibleEvolutionAndRefuseAnIncompatibleOne(SharedStack stack, TestNames names) {
        // given: v1 registered; the stack runs the registry with BACKWARD compatibility
        String subject = names.topic("seats") + "-value";
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()));
        int v1 = client.register(subject, new Schema.Parser().parse(V1));

        // when / then: a required new field cannot read old data, and the registry says so
        Schema incompatible = new Schema.Parser().parse(V2_INCOMPATIBLE);
        assertThat(client.isCompatible(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(subject)
                .hasMessageContaining("409")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatible()).isTrue());

        // when / then: the same field with a default is fine
        Schema compatible = new Schema.Parser().parse(V2_COMPATIBLE);
        assertThat(client.isCompatible(subject, compatible)).isTrue();
        assertThat(client.register(subject, compatible)).isNotEqualTo(v1);
    }

    @Test
    void shouldNameTheUrlAndStatusWhenASchemaIdIsUnknown(SharedStack stack) {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()));

        assertThatThrownBy(() -> client.getById(987_654))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("/schemas/ids/987654")
                .hasMessageContaining("404");
    }

    @Test
    void shouldFailClearlyWhenTheRegistryIsUnreachable() {
        // given: nothing listens on this port
        int port = Ports.free("127.0.0.1");
        RegistryClientConfig config = new RegistryClientConfig("http://127.0.0.1:" + port + "/apis/ccompat/v7",
                java.util.Optional.empty(), Duration.ofSeconds(2), java.util.Optional.empty());
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(config);

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero());
    }

    @Test
    void shouldCarryGeneratedRecordsThroughTheBrokerAndRegistry(SharedStack stack, TestNames names)
            throws ExecutionException, InterruptedException {
        // given
        String topic = names.topic("click-events");
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> serdeConfig = Map.of(RegistryClientConfig.URL_CONFIG, stack.registryUrl());
        ClickEvent event = ClickEvent.newBuilder()
                .setEventId("evt-1")
                .setOccurredAt(Instant.parse("2026-11-23T19:30:00Z"))
                .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, "guest-1"))
                .setSessionId("session-1")
                .setType(ClickType.PAGE_VIEW)
                .setConcertId("concert-1")
                .setPageUrl("https://hall.example/concerts/1")
                .setSource("it")
                .build();

        // when
        AvroSerializer<ClickEvent> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig, false);
        try (KafkaProducer<String, ClickEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "GUEST_ID:guest-1", event)).get();
        }

        // then
        AvroDeserializer<ClickEvent> deserializer = AvroDeserializer.specific(ClickEvent.class);
        deserializer.configure(serdeConfig, false);
        List<ClickEvent> read = new ArrayList<>();
        try (KafkaConsumer<String, ClickEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, names.groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ClickEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
            }
        }
        assertThat(read).containsExactly(event);
    }

    @Test
    void shouldRefuseToWriteWithAnUnregisteredSchemaWhenAutoRegisterIsOff(SharedStack stack, TestNames names) {
        // given
        AvroSerializer<ClickEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(RegistryClientConfig.URL_CONFIG, stack.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false"), false);
        ClickEvent event = ClickEvent.newBuilder()
                .setEventId("evt-2")
                .setOccurredAt(Instant.EPOCH)
                .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "c"))
                .setSessionId("s")
                .setPageUrl("https://hall.example/")
                .setSource("it")
                .build();

        // when / then
        assertThatThrownBy(() -> serializer.serialize(names.topic("never-registered"), event))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot look up schema io.encore.schemas.avro.ClickEvent")
                .hasMessageContaining("404");
    }
}
