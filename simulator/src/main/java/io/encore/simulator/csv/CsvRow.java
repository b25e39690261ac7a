package io.encore.simulator.csv;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;

/**
 * One CSV row being written, RFC 4180: fields separated by commas, a field holding a comma, a double quote or
 * a line break enclosed in double quotes with inner quotes doubled, the row ended by CRLF. An absent (null)
 * value is an empty field; times are ISO-8601 instants in UTC; lists and nested records are one JSON cell.
 */
final class CsvRow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder line;
    private boolean first = true;

    CsvRow(StringBuilder line) {
        this.line = line;
    }

    CsvRow text(String value) {
        separate();
        if (value != null) {
            if (needsQuotes(value)) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return this;
    }

    CsvRow number(Number value) {
        separate();
        if (value != null) {
            line.append(value);
        }
        return this;
    }

    CsvRow flag(boolean value) {
        separate();
        line.append(value);
        return this;
    }

    CsvRow time(Instant value) {
        separate();
        if (value != null) {
            line.append(value);
        }
        return this;
    }

    /** An identifier as its key, {@code TYPE:value}. */
    CsvRow identifier(GuestIdentifier value) {
        return text(value == null ? null : GuestKeys.key(value));
    }

    CsvRow symbol(Enum<?> value) {
        return text(value == null ? null : value.name());
    }

    CsvRow json(Object value) {
        try {
            return text(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a JSON cell: " + e.getMessage(), e);
        }
    }

    void end() {
        line.append("\r\n");
    }

    private void separate() {
        if (!first) {
            line.append(',');
        }
        first = false;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
