package io.encore.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.registry.RegistryClientConfig;

class AvroWireFormatTest {

    private static final Schema GOLDEN = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Golden\",\"namespace\":\"io.encore.test\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"long\"}]}");
    private static final Schema PERSON_V1 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"io.encore.test\",\"fields\":["
                    + "{\"name\":\"name\",\"type\":\"string\"}]}");
    private static final Schema PERSON_V2 = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"io.encore.test\",\"fields\":["
                    + "{\"name\":\"name\",\"type\":\"string\"},"
                    + "{\"name\":\"language\",\"type\":\"string\",\"default\":\"da\"}]}");

    private final String scope = "wire-format-" + UUID.randomUUID();
    private final Map<String, String> config = Map.of(RegistryClientConfig.URL_CONFIG, "mock://" + scope);

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldWriteMagicByteBigEndianSchemaIdThenAvroBinary() {
        // given: the first schema registered in a fresh registry gets id 1
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord record = new GenericData.Record(GOLDEN);
        record.put("id", "ab");
        record.put("n", 3L);

        // when
        byte[] bytes = format.write("golden", false, GOLDEN, record);

        // then: 0x00 | 00 00 00 01 | len(2)=zigzag 4, 'a', 'b' | zigzag(3)=6
        assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01, 0x04, 'a', 'b', 0x06);
    }

    @Test
    void shouldRegisterUnderTopicNameStrategySubjects() {
        // given
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord record = new GenericData.Record(GOLDEN);
        record.put("id", "x");
        record.put("n", 1L);

        // when
        format.write("concerts", false, GOLDEN, record);
        format.write("concerts", true, GOLDEN, record);

        // then
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
        assertThat(registry.lookup("concerts-value", GOLDEN)).isEqualTo(1);
        assertThat(registry.lookup("concerts-key", GOLDEN)).isEqualTo(1);
    }

    @Test
    void shouldRoundTripAGeneratedRecord() {
        // given
        AvroSerde<ClickEvent> serde = AvroSerde.specific(ClickEvent.class);
        serde.configure(config, false);
        ClickEvent event = ClickEvent.newBuilder()
                .setEventId("e-1")
                .setOccurredAt(Instant.parse("2026-11-23T12:00:00Z"))
                .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "c-42"))
                .setSessionId("s-1")
                .setType(ClickType.FAVOURITE)
                .setConcertId("concert-7")
                .setPageUrl("https://hall.example/concerts/7")
                .setSource("web-tracker")
                .build();

        // when
        byte[] bytes = serde.serializer().serialize("click-events", event);
        ClickEvent read = serde.deserializer().deserialize("click-events", bytes);

        // then
        assertThat(read).isEqualTo(event);
    }

    @Test
    void shouldReadOldWriterIntoNewReaderWithTheFieldDefault() {
        // given: a producer still on v1
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord v1 = new GenericData.Record(PERSON_V1);
        v1.put("name", "Karen");
        byte[] bytes = format.write("people", false, PERSON_V1, v1);

        // when: a consumer already on v2 reads it
        GenericRecord read = (GenericRecord) format.read("people", bytes, PERSON_V2, false);

        // then
        assertThat(read.get("name")).hasToString("Karen");
        assertThat(read.get("language")).hasToString("da");
    }

    @Test
    void shouldReadNewWriterIntoOldReaderIgnoringTheAddedField() {
        // given: v1 registered first, then the compatible v2
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord v1 = new GenericData.Record(PERSON_V1);
        v1.put("name", "Old");
        format.write("people", false, PERSON_V1, v1);
        GenericRecord v2 = new GenericData.Record(PERSON_V2);
        v2.put("name", "Ib");
        v2.put("language", "en");
        byte[] bytes = format.write("people", false, PERSON_V2, v2);

        // when: a consumer still on v1 reads it
        GenericRecord read = (GenericRecord) format.read("people", bytes, PERSON_V1, false);

        // then
        assertThat(read.getSchema()).isEqualTo(PERSON_V1);
        assertThat(read.get("name")).hasToString("Ib");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaNamingTopicAndSubject() {
        // given: a field added without a default cannot read old data (BACKWARD)
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord v1 = new GenericData.Record(PERSON_V1);
        v1.put("name", "A");
        format.write("people", false, PERSON_V1, v1);
        Schema incompatible = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"io.encore.test\",\"fields\":["
                        + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}");
        GenericRecord bad = new GenericData.Record(incompatible);
        bad.put("name", "B");
        bad.put("age", 3);

        // when / then
        assertThatThrownBy(() -> format.write("people", false, incompatible, bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'people'")
                .hasMessageContaining("subject 'people-value'")
                .hasMessageContaining("incompatible");
    }

    @Test
    void shouldFailClearlyOnUnknownSchemaId() {
        // given: a well-formed header pointing at an id nobody registered
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        byte[] payload = {0x00, 0x00, 0x00, 0x30, 0x39, 0x02};

        // when / then
        assertThatThrownBy(() -> format.read("click-events", payload, null, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'click-events'")
                .hasMessageContaining("unknown schema id 12345");
    }

    @Test
    void shouldFailClearlyOnWrongMagicByte() {
        // given
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        byte[] payload = {0x07, 0x00, 0x00, 0x00, 0x01, 0x02};

        // when / then
        assertThatThrownBy(() -> format.read("ticket-sales", payload, null, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'ticket-sales'")
                .hasMessageContaining("unknown magic byte 0x07");
    }

    @Test
    void shouldFailClearlyOnTruncatedPayload() {
        // given: a valid record with its last bytes cut off
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord record = new GenericData.Record(GOLDEN);
        record.put("id", "a long enough identifier");
        record.put("n", 123_456_789L);
        byte[] whole = format.write("golden", false, GOLDEN, record);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 4);

        // when / then
        assertThatThrownBy(() -> format.read("golden", truncated, null, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'golden'")
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldFailClearlyOnPayloadShorterThanTheHeader() {
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);

        assertThatThrownBy(() -> format.read("golden", new byte[] {0x00, 0x00}, null, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'golden'")
                .hasMessageContaining("shorter than the 5-byte");
    }

    @Test
    void shouldFailClearlyOnTrailingBytes() {
        // given
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);
        GenericRecord record = new GenericData.Record(GOLDEN);
        record.put("id", "x");
        record.put("n", 1L);
        byte[] whole = format.write("golden", false, GOLDEN, record);
        byte[] padded = Arrays.copyOf(whole, whole.length + 3);

        // when / then
        assertThatThrownBy(() -> format.read("golden", padded, null, false))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void shouldReadNullPayloadAsTombstone() {
        AvroWireFormat format = AvroSerdeConfig.wireFormat(config);

        assertThat(format.read("concerts", null, null, false)).isNull();
    }
}
