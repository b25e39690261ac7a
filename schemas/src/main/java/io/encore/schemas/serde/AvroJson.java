package io.encore.schemas.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as plain JSON values for HTTP APIs and sinks: fields in schema order, unions as their value (no
 * type wrapper), timestamps as ISO-8601 strings, enums by name, bytes as base64 — what a browser or
 * {@code jq} expects, unlike Avro's own JSON encoding.
 */
public final class AvroJson {

    private AvroJson() {
    }

    /** A tree of maps, lists, strings, numbers and booleans that Jackson writes as it is. */
    public static Object toJson(Object datum) {
        if (datum instanceof IndexedRecord record) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                object.put(field.name(), toJson(record.get(field.pos())));
            }
            return object;
        }
        if (datum instanceof List<?> list) {
            return list.stream().map(AvroJson::toJson).toList();
        }
        if (datum instanceof Map<?, ?> map) {
            Map<String, Object> object = new TreeMap<>();
            map.forEach((key, value) -> object.put(String.valueOf(key), toJson(value)));
            return object;
        }
        if (datum instanceof Instant instant) {
            return instant.toString();
        }
        if (datum instanceof ByteBuffer bytes) {
            ByteBuffer window = bytes.duplicate();
            byte[] copy = new byte[window.remaining()];
            window.get(copy);
            return Base64.getEncoder().encodeToString(copy);
        }
        if (datum instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (datum instanceof CharSequence text) {
            return text.toString();
        }
        return datum;
    }
}
