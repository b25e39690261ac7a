package io.encore.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

import io.encore.schemas.registry.SchemaRegistryClient;
import io.encore.schemas.registry.SchemaRegistryException;

/**
 * The Confluent wire format: byte 0 is the magic {@code 0x00}, bytes 1–4 the schema id (big-endian), then
 * the Avro binary encoding of the datum. Every reader of that format (Confluent's serdes, kafkajs,
 * ksqlDB, Connect converters) can decode what this class writes, and the reverse.
 *
 * <p>Reading resolves the writer's schema by id and decodes into the reader's schema with Avro schema
 * resolution, which is what lets producers and consumers evolve independently.
 */
public final class AvroWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 1 + Integer.BYTES;

    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    private record ReaderKey(int writerId, Schema reader, boolean specific) {
    }

    /**
     * @param autoRegister register unknown schemas on write; when false, the schema must already be
     *                     registered (production setting where schemas are deployed by CI)
     */
    public AvroWireFormat(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** Encodes {@code datum} (a specific or generic record) under the subject of {@code topic}. */
    public byte[] write(String topic, boolean isKey, Schema schema, Object datum) {
        int id = schemaId(topic, isKey, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writers.computeIfAbsent(schema, AvroWireFormat::writerFor).write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a record for topic '" + topic + "' with schema "
                    + schema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a payload written in the wire format into {@code readerSchema}; {@code specific} chooses
     * generated classes over {@code GenericRecord}. A null payload (a tombstone) reads as null.
     */
    public Object read(String topic, byte[] payload, Schema readerSchema, boolean specific) {
        if (payload == null) {
            return null;
        }
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException(failure(topic, "payload of " + payload.length
                    + " bytes is shorter than the " + HEADER_SIZE + "-byte Confluent wire-format header"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(failure(topic, String.format(
                    "unknown magic byte 0x%02x (the Confluent wire format starts with 0x00)", magic)));
        }
        int id = buffer.getInt();
        Schema writerSchema = writerSchema(topic, id);
        Schema reader = readerSchema != null ? readerSchema : writerSchema;
        DatumReader<Object> datumReader = readers.computeIfAbsent(new ReaderKey(id, reader, specific),
                key -> readerFor(writerSchema, reader, specific));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, HEADER_SIZE, payload.length - HEADER_SIZE, null);
        try {
            Object datum = datumReader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException(failure(topic, "bytes left over after a record of schema id "
                        + id + " (payload does not match its schema)"));
            }
            return datum;
        } catch (EOFException e) {
            throw new SerializationException(failure(topic, "payload ended before the record of schema id " + id
                    + " did (truncated?)"), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException(failure(topic, "invalid Avro data for schema id " + id + ": " + e), e);
        }
    }

    /**
     * The id of {@code schema} under the subject of {@code topic}, registered (or looked up) now and cached, so a
     * later {@link #write} of it needs no registry round trip — for writers that must not depend on the registry
     * at the moment they write (the dead-letter handler, during a registry outage).
     *
     * @throws SerializationException when the registry cannot be asked or refuses the schema
     */
    public int schemaId(String topic, boolean isKey, Schema schema) {
        String subject = subject(topic, isKey);
        try {
            return autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            String action = autoRegister ? "register" : "look up";
            throw new SerializationException("Cannot " + action + " schema " + schema.getFullName()
                    + " under subject '" + subject + "' for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return registry.getById(id);
        } catch (SchemaRegistryException e) {
            String reason = e.isNotFound()
                    ? "unknown schema id " + id + " (not in the schema registry)"
                    : "cannot fetch schema id " + id + ": " + e.getMessage();
            throw new SerializationException(failure(topic, reason), e);
        }
    }

    private static String failure(String topic, String reason) {
        return "Cannot deserialize a record from topic '" + topic + "': " + reason;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema) {
        return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema);
    }

    private static DatumReader<Object> readerFor(Schema writer, Schema reader, boolean specific) {
        return specific
                ? new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader))
                : new GenericDatumReader<>(writer, reader);
    }
}
