package io.encore.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

class KafkaSinkTest {

    private final String scope = "kafka-sink-" + UUID.randomUUID();
    private final TopicCatalogue catalogue = new TopicCatalogue("test.", 4, new AvroWireFormat(InMemorySchemaRegistry.forScope(scope), true));

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    private static SimRecord click() {
        ClickEvent click = ClickEvent.newBuilder().setEventId("sim1-g0-e0").setOccurredAt(Instant.parse("2026-09-01T10:00:00Z"))
                .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "abc")).setSessionId("s").setType(ClickType.PAGE_VIEW)
                .setPageUrl("https://hall.example/").setSource("simulator").build();
        return new SimRecord(OutputTopic.CLICK_EVENTS, "COOKIE:abc", click);
    }

    @Test
    void shouldProduceToThePrefixedTopicUnderTheKeyAValueEncoresSerdeReads() {
        // given
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        KafkaSink sink = new KafkaSink(catalogue, producer);

        // when
        sink.accept(click());
        sink.flush();

        // then
        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("test.click-events");
        assertThat(sent.key()).isEqualTo("COOKIE:abc");
        assertThat(catalogue.clickEvents().valueSerde().deserializer().deserialize(sent.topic(), sent.value())).isEqualTo(click().value());
        sink.close();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldStopAtTheFirstFailedSendInsteadOfLosingRecordsSilently() {
        // given
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        KafkaSink sink = new KafkaSink(catalogue, producer);
        sink.accept(click());

        // when
        producer.errorNext(new KafkaException("broker gone"));

        // then
        assertThatThrownBy(() -> sink.accept(click())).isInstanceOf(KafkaException.class).hasMessageContaining("broker gone");
    }

    @Test
    void shouldConfigureAnIdempotentCompressingProducerAndPassOverridesThrough() {
        KafkaSettings settings = new KafkaSettings("localhost:9092", "mock://x", "", Map.of(ProducerConfig.LINGER_MS_CONFIG, 5));

        assertThat(KafkaSink.config(settings)).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all").containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    }
}
