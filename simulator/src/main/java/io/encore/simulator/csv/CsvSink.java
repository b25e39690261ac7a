package io.encore.simulator.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

/**
 * Writes history as the CSV files of docs/import.md, one per topic, UTF-8 with a header row. Every file is
 * created (with its header) when the sink opens, so an import always finds all six. Rows are appended in the
 * order records arrive; the history generator delivers them in time order.
 */
public final class CsvSink implements EventSink {

    private static final int BUFFER = 1 << 20;

    private final Path directory;
    private final Map<OutputTopic, CsvFormat> formats = new EnumMap<>(OutputTopic.class);
    private final Map<CsvFormat, Writer> writers = new EnumMap<>(CsvFormat.class);
    private final AtomicLongArray rows = new AtomicLongArray(CsvFormat.values().length);
    private final StringBuilder line = new StringBuilder(1024);

    public CsvSink(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            for (CsvFormat format : CsvFormat.values()) {
                formats.put(format.topic(), format);
                Writer writer = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(directory.resolve(format.fileName())), StandardCharsets.UTF_8), BUFFER);
                writers.put(format, writer);
                line.setLength(0);
                format.header(line);
                writer.append(line);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot create the CSV files in " + directory, e);
        }
    }

    @Override
    public void accept(SimRecord record) {
        CsvFormat format = formats.get(record.topic());
        if (format == null) {
            throw new IllegalArgumentException("no CSV file for topic " + record.topic().logicalName()
                    + ": the CSV files hold history (docs/import.md), the live events go to Kafka");
        }
        line.setLength(0);
        format.write(line, record.value());
        try {
            writers.get(format).append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(format.fileName()), e);
        }
        rows.incrementAndGet(format.ordinal());
    }

    /** Data rows written so far (headers not counted); may be read from another thread. */
    public long rows(CsvFormat format) {
        return rows.get(format.ordinal());
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void flush() {
        for (Map.Entry<CsvFormat, Writer> writer : writers.entrySet()) {
            try {
                writer.getValue().flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + directory.resolve(writer.getKey().fileName()), e);
            }
        }
    }

    @Override
    public void close() {
        IOException failure = null;
        for (Writer writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot finish the CSV files in " + directory, failure);
        }
    }
}
