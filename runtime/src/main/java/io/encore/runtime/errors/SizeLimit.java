package io.encore.runtime.errors;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Refuses a record value larger than a limit before it is decoded: an event of hundreds of kilobytes (a page URL
 * pasted with a whole page, a runaway producer) is valid Avro but no real event, and decoding it into strings and
 * state would cost every stage after it. The refusal is a {@link SerializationException}, so the record goes to
 * the dead-letter topic at the {@code DESERIALIZATION} stage with the size and the limit as its reason.
 */
public final class SizeLimit<T> implements Deserializer<T> {

    /** The setting that names the limit, quoted in every refusal. */
    public static final String SETTING = "encore.input.max.record.bytes";
    /** 64 KiB: a click is ~200 bytes, a concert with a long description a few kilobytes. */
    public static final int DEFAULT_BYTES = 64 * 1024;

    private final int maxBytes;
    private final Deserializer<T> inner;

    private SizeLimit(int maxBytes, Deserializer<T> inner) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The record size limit must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.inner = inner;
    }

    /** {@code inner}, refusing values over {@code maxBytes}; tombstones pass. */
    public static <T> Deserializer<T> refuseOver(int maxBytes, Deserializer<T> inner) {
        return new SizeLimit<>(maxBytes, inner);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        check(topic, data == null ? 0 : data.length);
        return inner.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        check(topic, data == null ? 0 : data.length);
        return inner.deserialize(topic, headers, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        check(topic, data == null ? 0 : data.remaining());
        return inner.deserialize(topic, headers, data);
    }

    @Override
    public void close() {
        inner.close();
    }

    private void check(String topic, int size) {
        if (size > maxBytes) {
            throw new SerializationException(String.format("record value of %,d bytes on %s is over the limit of %,d "
                    + "bytes (%s)", size, topic, maxBytes, SETTING));
        }
    }
}
