package io.encore.connectors.common;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * Reads a sink record's value into Encore's generated Avro class. The worker is configured with
 * {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter}, so the task sees the exact
 * Confluent wire-format bytes and decodes them with the same serde the apps write with: no Connect schema
 * translation, and a value that cannot be read fails one record ({@link DataException}), not the task.
 *
 * @param <T> the generated class of the topic's values
 */
public final class EncoreRecordDecoder<T extends SpecificRecord> {

    private final Class<T> type;
    private final Deserializer<T> deserializer;

    public EncoreRecordDecoder(Class<T> type, AvroWireFormat format) {
        this.type = Objects.requireNonNull(type, "type");
        this.deserializer = AvroSerde.specific(type, format, false).deserializer();
    }

    /** A wire format over the registry named by {@code schema.registry.url} (and its client settings) in {@code props}. */
    public static AvroWireFormat wireFormat(Map<String, ?> props) {
        return new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.from(props)), false);
    }

    /**
     * The record's value as {@code T}, or null for a tombstone.
     *
     * @throws DataException when the value is not bytes or not a readable {@code T} in the wire format
     */
    public T decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            return null;
        }
        if (!(value instanceof byte[] bytes)) {
            throw new DataException("Value of " + where(record) + " is a " + value.getClass().getName()
                    + ", not bytes: configure value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
        }
        try {
            return deserializer.deserialize(record.topic(), bytes);
        } catch (SerializationException | ClassCastException e) {
            throw new DataException("Cannot read " + where(record) + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The record's key as text, whether the key converter is the string or the byte-array one; null when absent. */
    public static String key(SinkRecord record) {
        Object key = record.key();
        if (key == null) {
            return null;
        }
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key.toString();
    }

    /** {@code topic-partition@offset}, for messages. */
    public static String where(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
