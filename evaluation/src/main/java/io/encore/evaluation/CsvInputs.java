package io.encore.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.GuestKeys;

/**
 * Reads the two input files of {@code ./encore evaluate} (docs/quality.md): items
 * ({@code itemId,title,tags,description,startTime}, tags pipe-separated; description, startTime and the extra
 * {@code language} and {@code performers} columns optional) and interactions
 * ({@code guestId,itemId,timestamp} in epoch seconds, optional {@code type} and {@code value}). The first bad
 * row stops the run with its file, line and reason: a metric over silently skipped rows would mislead.
 */
public final class CsvInputs {

    private static final Pattern PIPE = Pattern.compile("\\|");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private CsvInputs() {
    }

    /** Both files, checked against each other: every interaction must name an item of the items file. */
    public static Dataset read(Path itemsFile, Path interactionsFile, String defaultLanguage) {
        List<Item> items = items(itemsFile, defaultLanguage);
        Map<String, Item> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        List<Interaction> interactions = interactions(interactionsFile, byId);
        if (interactions.isEmpty()) {
            throw new InputException(interactionsFile + ": no interactions");
        }
        return Dataset.of(items, interactions);
    }

    public static List<Item> items(Path file, String defaultLanguage) {
        List<Item> items = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        parse(file, List.of("itemId", "title", "tags"), (row, line) -> {
            String id = required(row, "itemId", file, line);
            Long first = seen.putIfAbsent(id, line);
            if (first != null) {
                throw problem(file, line, "itemId '" + id + "' already on line " + first);
            }
            String language = optional(row, "language");
            language = language == null ? defaultLanguage : language.toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(language).matches()) {
                throw problem(file, line, "language '" + language + "' is not a two-letter ISO 639-1 code");
            }
            String start = optional(row, "startTime");
            String sale = optional(row, "saleStart");
            items.add(new Item(id, required(row, "title", file, line), list(optional(row, "tags")),
                    optional(row, "description"), start == null ? null : instant(start, "startTime", file, line),
                    language, list(optional(row, "performers")),
                    sale == null ? null : instant(sale, "saleStart", file, line)));
        });
        if (items.isEmpty()) {
            throw new InputException(file + ": no items");
        }
        return items;
    }

    public static List<Interaction> interactions(Path file, Map<String, Item> items) {
        List<Interaction> interactions = new ArrayList<>();
        parse(file, List.of("guestId", "itemId", "timestamp"), (row, line) -> {
            String guest = required(row, "guestId", file, line);
            GuestKeys.problem(new GuestIdentifier(IdentifierType.GUEST_ID, guest)).ifPresent(why -> {
                throw problem(file, line, "guestId cannot identify a guest: " + why);
            });
            String item = required(row, "itemId", file, line);
            if (!items.containsKey(item)) {
                throw problem(file, line, "itemId '" + item + "' is not in the items file");
            }
            Instant at = instant(required(row, "timestamp", file, line), "timestamp", file, line);
            String typeText = optional(row, "type");
            InteractionType type = typeText == null ? InteractionType.PURCHASE : InteractionType.parse(typeText)
                    .orElseThrow(() -> problem(file, line, "type '" + typeText + "' is not one of "
                            + Arrays.stream(InteractionType.values()).map(InteractionType::label).toList()));
            String valueText = optional(row, "value");
            interactions.add(new Interaction(guest, item, at, type,
                    valueText == null ? null : amount(valueText, file, line)));
        });
        return interactions;
    }

    private static void parse(Path file, List<String> requiredColumns, BiConsumer<CSVRecord, Long> rowHandler) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = requiredColumns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw problem(file, 1, "the header lacks the column(s) " + missing + "; found "
                        + parser.getHeaderNames());
            }
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord row : parser) {
                long line = previousEnd + 1; // the line the row starts on (a quoted field may span several)
                previousEnd = parser.getCurrentLineNumber();
                if (!row.isConsistent()) {
                    throw problem(file, line, "has " + row.size() + " fields, the header " + parser.getHeaderNames().size());
                }
                rowHandler.accept(row, line);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot be read as CSV (" + e.getMessage() + ")", e);
        }
    }

    private static String required(CSVRecord row, String column, Path file, long line) {
        String value = optional(row, column);
        if (value == null) {
            throw problem(file, line, column + " is empty");
        }
        return value;
    }

    private static String optional(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return PIPE.splitAsStream(text).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Epoch seconds (the documented form), or an ISO-8601 instant such as {@code 2026-03-01T19:30:00Z}. */
    static Instant instant(String text, String column, Path file, long line) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException notSeconds) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notIso) {
                throw problem(file, line, column + " '" + text + "' is neither epoch seconds nor an ISO-8601 instant");
            }
        }
    }

    private static long amount(String text, Path file, long line) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw problem(file, line, "value '" + text + "' must be a non-negative number");
            }
            return Math.round(value);
        } catch (NumberFormatException e) {
            throw problem(file, line, "value '" + text + "' is not a number");
        }
    }

    private static InputException problem(Path file, long line, String message) {
        return new InputException(file.getFileName() + " line " + line + ": " + message);
    }
}
