package io.encore.schemas.serde;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An Avro serde in the Confluent wire format. Kafka Streams never configures serdes handed to
 * {@code Consumed.with}/{@code Produced.with}, so the factories that take an {@link AvroWireFormat} return
 * serdes ready to use; the others are configured by Kafka from client properties.
 */
public final class AvroSerde<T extends GenericContainer> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A serde of generated class {@code type}, configured by Kafka from client properties. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type) {
        return new AvroSerde<>(new AvroSerializer<>(), AvroDeserializer.specific(type));
    }

    /** A ready serde of generated class {@code type} over {@code format}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, AvroWireFormat format, boolean isKey) {
        return new AvroSerde<>(new AvroSerializer<>(format, isKey), AvroDeserializer.specific(type).using(format));
    }

    /** A ready serde of generic records read into {@code readerSchema} (or the writer's when null). */
    public static AvroSerde<GenericRecord> generic(Schema readerSchema, AvroWireFormat format, boolean isKey) {
        return new AvroSerde<>(new AvroSerializer<>(format, isKey), AvroDeserializer.generic(readerSchema).using(format));
    }

    /** The schema this serde reads into (the generated class's for specific serdes). */
    /**
     * A deserializer of one record type seen as any specific record, so that topics of different value types
     * can feed one Kafka Streams processor.
     */
    public static Deserializer<SpecificRecord> anyRecord(Serde<? extends SpecificRecord> serde) {
        Deserializer<? extends SpecificRecord> deserializer = serde.deserializer();
        return (topic, data) -> deserializer.deserialize(topic, data);
    }

    public Schema readerSchema() {
        return deserializer.readerSchema();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
