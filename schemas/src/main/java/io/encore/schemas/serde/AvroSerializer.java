package io.encore.schemas.serde;

import java.util.Map;

import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Serializer;

/** Writes Avro records (generated or generic) in the Confluent wire format; see {@link AvroWireFormat}. */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private AvroWireFormat wireFormat;
    private boolean isKey;

    /** Unconfigured: Kafka calls {@link #configure} with the client's properties. */
    public AvroSerializer() {
    }

    /** Ready to use, sharing {@code wireFormat}'s registry client and caches. */
    public AvroSerializer(AvroWireFormat wireFormat, boolean isKey) {
        this.wireFormat = wireFormat;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.wireFormat = AvroSerdeConfig.wireFormat(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (wireFormat == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        return wireFormat.write(topic, isKey, data.getSchema(), data);
    }

    @Override
    public void close() {
        if (wireFormat != null) {
            wireFormat.registry().close();
        }
    }
}
