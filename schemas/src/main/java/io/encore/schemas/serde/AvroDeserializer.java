package io.encore.schemas.serde;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a reader schema: a generated class's schema, a given generic
 * schema, or (generic, no reader schema) the writer's own.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final Schema readerSchema;
    private final boolean specific;
    private AvroWireFormat wireFormat;

    private AvroDeserializer(Schema readerSchema, boolean specific, AvroWireFormat wireFormat) {
        this.readerSchema = readerSchema;
        this.specific = specific;
        this.wireFormat = wireFormat;
    }

    /** Reads into the generated class {@code type}; configure before use. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(Class<T> type) {
        return new AvroDeserializer<>(SpecificData.get().getSchema(type), true, null);
    }

    /** Reads into {@code GenericRecord}s of {@code readerSchema}, or of the writer's schema when null. */
    public static AvroDeserializer<GenericRecord> generic(Schema readerSchema) {
        return new AvroDeserializer<>(readerSchema, false, null);
    }

    /** This deserializer's reading rule on an already configured wire format. */
    public AvroDeserializer<T> using(AvroWireFormat format) {
        return new AvroDeserializer<>(readerSchema, specific, format);
    }

    /** The schema records are read into; null for a generic reader that keeps the writer's schema. */
    public Schema readerSchema() {
        return readerSchema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.wireFormat = AvroSerdeConfig.wireFormat(configs);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (wireFormat == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        return (T) wireFormat.read(topic, data, readerSchema, specific);
    }

    @Override
    public void close() {
        if (wireFormat != null) {
            wireFormat.registry().close();
        }
    }
}
