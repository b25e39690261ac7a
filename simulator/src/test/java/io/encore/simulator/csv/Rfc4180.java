package io.encore.simulator.csv;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests, written independently of the sink: rows of fields. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                i = quoted(text, i + 1, field);
                fieldStarted = true;
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("bare " + (int) c + " at offset " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (!row.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("the last row does not end with CRLF");
        }
        return rows;
    }

    /** Reads a quoted field starting after its opening quote; returns the position after the closing quote. */
    private static int quoted(String text, int from, StringBuilder field) {
        int i = from;
        while (true) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("unterminated quoted field from offset " + from);
            }
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
    }
}
