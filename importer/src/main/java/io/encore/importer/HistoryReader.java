package io.encore.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one history file row by row: checks the header names every required column, tracks the line each row
 * starts on (a quoted field may span lines) and the bytes read, for the progress bar. Bytes that are not
 * UTF-8 fail the file, naming it: a wrong encoding would otherwise import garbled names.
 */
final class HistoryReader implements Closeable {

    private final HistoryFile file;
    private final Path path;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final AtomicLong bytesRead;
    private long nextLine = 2;
    private CsvRow current;
    private Instant currentTime;

    private HistoryReader(HistoryFile file, Path path, CSVParser parser, AtomicLong bytesRead) {
        this.file = file;
        this.path = path;
        this.parser = parser;
        this.records = parser.iterator();
        this.bytesRead = bytesRead;
    }

    /**
     * Opens {@code path} and checks its header.
     *
     * @throws ImportException when the file cannot be read or lacks a required column
     */
    static HistoryReader open(HistoryFile file, Path path, AtomicLong bytesRead) {
        CSVParser parser = null;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new Counting(Files.newInputStream(path), bytesRead), utf8), 1 << 16);
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> missing = new ArrayList<>();
            for (String column : file.requiredColumns()) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new ImportException(path + ": the header lacks the required column(s) " + String.join(", ", missing)
                        + " (docs/import.md lists the columns of " + file.fileName() + ")");
            }
            return new HistoryReader(file, path, parser, bytesRead);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(parser);
            throw new ImportException(path + ": cannot read the header: " + e.getMessage(), e);
        } catch (ImportException e) {
            closeQuietly(parser);
            throw e;
        }
    }

    HistoryFile file() {
        return file;
    }

    Path path() {
        return path;
    }

    /** Moves to the next row; false at the end of the file. */
    boolean advance() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            CSVRecord record = records.next();
            current = new CsvRow(record, nextLine);
            nextLine = parser.getCurrentLineNumber() + 1;
            currentTime = time(current, currentTime);
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportException(path + " near line " + nextLine + ": " + e.getMessage(), e);
        }
    }

    /** The row {@link #advance()} moved to. */
    CsvRow current() {
        return current;
    }

    /** The current row's time; a row whose time does not parse keeps the previous row's place in the merge. */
    Instant currentTime() {
        return currentTime;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private Instant time(CsvRow row, Instant previous) {
        try {
            return row.optional(file.timeColumn()).map(Instant::parse)
                    .orElse(previous == null ? Instant.EPOCH : previous);
        } catch (DateTimeParseException e) {
            return previous == null ? Instant.EPOCH : previous;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // reading only: nothing is lost by a failed close
            }
        }
    }

    /** Counts the bytes read from a file into a shared counter. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
