package io.encore.importer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;

/**
 * One row of a history file with the typed reads of docs/import.md: an empty field is absent, a required one
 * must be there, and every value must parse as its column's type, or the row is rejected naming the column.
 */
final class CsvRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CSVRecord record;
    private final long line;

    CsvRow(CSVRecord record, long line) {
        this.record = record;
        this.line = line;
    }

    /** The line of the file the row starts on (the header is line 1). */
    long line() {
        return line;
    }

    CSVRecord record() {
        return record;
    }

    /** The value, or empty when the field is empty or the column is not in the file. */
    Optional<String> optional(String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return Optional.empty();
        }
        String value = record.get(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String required(String column) throws RowRejectedException {
        Optional<String> value = optional(column);
        if (value.isEmpty()) {
            throw new RowRejectedException(column, "required value is empty");
        }
        return value.get();
    }

    long requiredLong(String column, long min) throws RowRejectedException {
        return parseLong(column, required(column), min);
    }

    Long optionalLong(String column, long min) throws RowRejectedException {
        Optional<String> value = optional(column);
        return value.isEmpty() ? null : parseLong(column, value.get(), min);
    }

    int requiredInt(String column, int min) throws RowRejectedException {
        return toInt(column, requiredLong(column, min));
    }

    Integer optionalInt(String column, int min) throws RowRejectedException {
        Long value = optionalLong(column, min);
        return value == null ? null : toInt(column, value);
    }

    boolean requiredBoolean(String column) throws RowRejectedException {
        String value = required(column);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RowRejectedException(column, "'" + shorten(value) + "' is not true or false");
        };
    }

    Instant requiredTimestamp(String column) throws RowRejectedException {
        return parseTimestamp(column, required(column));
    }

    Instant optionalTimestamp(String column) throws RowRejectedException {
        Optional<String> value = optional(column);
        return value.isEmpty() ? null : parseTimestamp(column, value.get());
    }

    GuestIdentifier identifier(String column) throws RowRejectedException {
        String value = required(column);
        return GuestKeys.parse(value).orElseThrow(() -> new RowRejectedException(column,
                "'" + shorten(value) + "' is not an identifier TYPE:value with TYPE one of COOKIE, GUEST_ID, LOYALTY_CARD, EMAIL_SHA256"));
    }

    /** The Avro enum symbol; the schemas' {@code UNKNOWN} fallback is not accepted from a file. */
    <E extends Enum<E>> E symbol(String column, Class<E> type) throws RowRejectedException {
        String value = required(column);
        try {
            E symbol = Enum.valueOf(type, value);
            if (!"UNKNOWN".equals(symbol.name())) {
                return symbol;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below with the symbols allowed
        }
        StringBuilder allowed = new StringBuilder();
        for (E symbol : type.getEnumConstants()) {
            if (!"UNKNOWN".equals(symbol.name())) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(symbol.name());
            }
        }
        throw new RowRejectedException(column, "'" + shorten(value) + "' is not one of " + allowed);
    }

    /** A JSON array cell; {@code []} when the column is optional and empty. */
    JsonNode jsonArray(String column, boolean required) throws RowRejectedException {
        Optional<String> value = required ? Optional.of(required(column)) : optional(column);
        if (value.isEmpty()) {
            return JSON.createArrayNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(value.get());
        } catch (JsonProcessingException e) {
            throw new RowRejectedException(column, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isArray()) {
            throw new RowRejectedException(column, "expected a JSON array");
        }
        return node;
    }

    /** The ISO 639-1 code, lower case. */
    String language(String column, boolean required) throws RowRejectedException {
        Optional<String> value = required ? Optional.of(required(column)) : optional(column);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().matches("[a-z]{2}")) {
            throw new RowRejectedException(column, "'" + shorten(value.get()) + "' is not a lower-case ISO 639-1 code");
        }
        return value.get();
    }

    /** The ISO 4217 code, upper case. */
    String currency(String column) throws RowRejectedException {
        String value = required(column);
        if (!value.matches("[A-Z]{3}")) {
            throw new RowRejectedException(column, "'" + shorten(value) + "' is not an upper-case ISO 4217 code");
        }
        return value;
    }

    private static long parseLong(String column, String value, long min) throws RowRejectedException {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(column, "'" + shorten(value) + "' is not a whole number");
        }
        if (parsed < min) {
            throw new RowRejectedException(column, parsed + " is below " + min);
        }
        return parsed;
    }

    private static int toInt(String column, long value) throws RowRejectedException {
        if (value > Integer.MAX_VALUE) {
            throw new RowRejectedException(column, value + " is too large");
        }
        return (int) value;
    }

    private static Instant parseTimestamp(String column, String value) throws RowRejectedException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, "'" + shorten(value) + "' is not an ISO-8601 instant in UTC such as 2026-09-03T18:30:00Z");
        }
    }

    /** A value as quoted in a reason: at most 60 characters. */
    static String shorten(String value) {
        String oneLine = value.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
