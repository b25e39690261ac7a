package io.encore.connectors.print;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 fields and records: a field with a comma, a double quote or a line break is quoted, with its
 * quotes doubled. Line breaks inside values become spaces before that, so every record of a manifest is one
 * physical line (a print house's tools, and the sink's own crash repair, read it line by line).
 */
final class Csv {

    static final String RECORD_END = "\r\n";

    private Csv() {
    }

    static String record(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(","));
    }

    static String field(String value) {
        String flat = value == null ? "" : value.replaceAll("\r\n|[\r\n]", " ");
        if (flat.indexOf(',') < 0 && flat.indexOf('"') < 0) {
            return flat;
        }
        return '"' + flat.replace("\"", "\"\"") + '"';
    }

    /**
     * Free text typed by a guest, made inert for spreadsheets: a value starting with {@code = + - @} or a tab
     * is prefixed with an apostrophe, so a "name" like {@code =HYPERLINK(...)} is not run as a formula when
     * the print house opens the manifest (OWASP "CSV injection").
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ? "'" + value : value;
    }

    /** The first field of a record line, unquoted. */
    static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '"') {
                value.append(c);
            } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else {
                break;
            }
        }
        return value.toString();
    }
}
