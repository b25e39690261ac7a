package io.encore.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.topic.TopicCatalogue;

/**
 * Imports a directory of history files (docs/import.md) into the input topics. Every row is checked; a row
 * that cannot be used goes to the rejects file with its file, line, column and reason, and the import goes
 * on. Rows are produced in the order profile-stream needs: the catalogue first (one row per concert, the
 * highest version), then the guest-keyed files merged by time.
 *
 * <p>Exactly once: the rows are produced in transactions of {@code rowsPerTransaction} rows, each of which
 * also writes the position reached to the import ledger ({@link ImportLedger}). An import that stops half way
 * (Ctrl-C, a crash, a broker that went away) resumes at the last committed position when run again on the
 * same files; the same files imported once more produce nothing. The import's id is a digest of the files'
 * names and contents, so a changed file is a new import (whose events profile-stream still de-duplicates by
 * event id within its horizon).
 */
public final class Importer {

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(200).toNanos();
    private static final long PROGRESS_EVERY_ROWS = 1_000;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);

    /**
     * What to import and where to.
     *
     * @param directory          the directory holding the history files (any of the six; at least one)
     * @param topics             the catalogue to produce to (its prefix and wire format)
     * @param clientSettings     Kafka client settings: bootstrap servers and any security settings
     * @param rejects            the rejects file to write (replaced on every run)
     * @param rowsPerTransaction rows per transaction, and so how often the ledger records progress
     * @param dryRun             check every row and write the rejects file, but produce nothing
     * @param stretch            event time produced before waiting for the topics' consumers to catch up (after
     *                           the catalogue too); null never waits
     */
    public record Settings(Path directory, TopicCatalogue topics, Map<String, Object> clientSettings, Path rejects,
                           int rowsPerTransaction, boolean dryRun, Duration stretch) {

        /** The stretch docs/import.md asks for: less than profile-stream's 30-day de-duplication horizon. */
        public static final Duration DEFAULT_STRETCH = Duration.ofDays(25);

        public Settings {
            if (rowsPerTransaction < 1) {
                throw new IllegalArgumentException("rowsPerTransaction must be at least 1");
            }
            if (stretch != null && (stretch.isNegative() || stretch.isZero())) {
                throw new IllegalArgumentException("stretch must be positive");
            }
            clientSettings = Map.copyOf(clientSettings);
        }
    }

    /** Where an import is, reported every 200 ms or 1,000 rows, whichever comes first, and once at the end. */
    public record Progress(long bytesRead, long totalBytes, long rows, long produced, long rejected, Duration elapsed,
                           boolean done) {

        /** Share of the input read, in [0, 1]. */
        public double fraction() {
            return totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        }
    }

    /** One file's rows: read, produced, rejected, and (concerts) superseded by a higher version. */
    public record FileResult(String file, long rows, long produced, long rejected, long superseded) {
    }

    /**
     * How an import ended.
     *
     * @param alreadyImported the same files were imported before: nothing was produced
     * @param resumedAt       rows of the merged sequence an earlier, interrupted run had already committed
     */
    public record Result(String importId, boolean alreadyImported, long resumedAt, List<FileResult> files,
                         long produced, long rejected, Path rejects, Duration elapsed, boolean dryRun) {
    }

    private final Settings settings;
    private final Consumer<Progress> progress;
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<HistoryFile, long[]> counts = new EnumMap<>(HistoryFile.class);
    private long started;
    private long lastProgress;
    private long totalBytes;
    private long rows;
    private long produced;
    private long rejected;

    private Importer(Settings settings, Consumer<Progress> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the import; {@code progress} hears where it is. */
    public static Result run(Settings settings, Consumer<Progress> progress) {
        return new Importer(settings, progress).run();
    }

    private Result run() {
        started = System.nanoTime();
        Map<HistoryFile, Path> files = present();
        totalBytes = files.values().stream().mapToLong(Importer::size).sum();
        String importId = importId(files);
        Map<String, Long> winners = files.containsKey(HistoryFile.CONCERTS) ? winningVersions(files.get(HistoryFile.CONCERTS)) : Map.of();
        ImportLedger ledger = new ImportLedger(settings.topics().prefix(), settings.clientSettings());
        ImportLedger.Entry entry = ImportLedger.Entry.START;
        if (!settings.dryRun()) {
            ledger.ensureTopic();
            entry = ledger.read(importId);
            if (entry.completed()) {
                LOG.info("Import {} of {} was completed before: nothing to do", importId, settings.directory());
                return new Result(importId, true, entry.position(), List.of(), 0, entry.rejected(), settings.rejects(),
                        elapsed(), false);
            }
        }
        files.keySet().forEach(file -> counts.put(file, new long[4]));
        try (Rejects rejects = new Rejects(settings.rejects());
             Production production = settings.dryRun() ? null : new Production(importId, ledger, entry);
             Pacer pacer = new Pacer(production)) {
            long position = 0;
            List<HistoryReader> readers = open(files);
            try {
                for (HistoryReader reader : readers) {
                    if (reader.file() == HistoryFile.CONCERTS) {
                        while (reader.advance()) {
                            handle(reader, winners, position++, entry.position(), rejects, production);
                        }
                    }
                }
                pacer.pause(position);
                PriorityQueue<HistoryReader> merge = new PriorityQueue<>(Comparator
                        .comparing(HistoryReader::currentTime).thenComparing(reader -> reader.file().ordinal()));
                for (HistoryReader reader : readers) {
                    if (reader.file() != HistoryFile.CONCERTS && reader.advance()) {
                        merge.add(reader);
                    }
                }
                while (!merge.isEmpty()) {
                    HistoryReader reader = merge.poll();
                    if (position > entry.position()) {
                        pacer.before(reader.currentTime(), position);
                    }
                    handle(reader, winners, position++, entry.position(), rejects, production);
                    if (reader.advance()) {
                        merge.add(reader);
                    }
                }
            } finally {
                readers.forEach(HistoryReader::close);
            }
            if (production != null) {
                production.finish(position, produced, rejected);
            }
        }
        report(true);
        List<FileResult> results = new ArrayList<>();
        counts.forEach((file, c) -> results.add(new FileResult(file.fileName(), c[0], c[1], c[2], c[3])));
        return new Result(importId, false, entry.position(), results, produced, rejected, settings.rejects(), elapsed(),
                settings.dryRun());
    }

    /** One row: checked, then produced (or, before the resume position, only counted), rejected or superseded. */
    private void handle(HistoryReader reader, Map<String, Long> winners, long position, long resumeAt, Rejects rejects,
                        Production production) {
        HistoryFile file = reader.file();
        CsvRow row = reader.current();
        long[] count = counts.get(file);
        count[0]++;
        rows++;
        boolean replayed = position < resumeAt;
        try {
            if (file == HistoryFile.CONCERTS && isSuperseded(row, winners)) {
                count[3]++;
            } else if (production == null || replayed) {
                file.check(row);
                count[1]++;
                produced++;
            } else {
                production.send(file.toRecord(row, settings.topics()));
                count[1]++;
                produced++;
                production.handled(position, produced, rejected);
            }
        } catch (RowRejectedException e) {
            rejects.write(reader.path().getFileName().toString(), row, e);
            count[2]++;
            rejected++;
            if (production != null && !replayed) {
                production.handled(position, produced, rejected);
            }
        }
        report(false);
    }

    /** A concert row whose id has a row of a higher version (or the same version further down) in the file. */
    private static boolean isSuperseded(CsvRow row, Map<String, Long> winners) {
        Long winningLine = row.optional("concertId").map(winners::get).orElse(null);
        return winningLine != null && winningLine != row.line();
    }

    /** Per concert id, the line of its row with the highest version (the last of equal versions). */
    private Map<String, Long> winningVersions(Path path) {
        Map<String, Long> lines = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        try (HistoryReader reader = HistoryReader.open(HistoryFile.CONCERTS, path, new AtomicLong())) {
            while (reader.advance()) {
                CsvRow row = reader.current();
                String id = row.optional("concertId").orElse(null);
                Long version;
                try {
                    version = row.requiredLong("version", 0);
                } catch (RowRejectedException e) {
                    continue; // rejected when the row is handled
                }
                if (id != null && version >= versions.getOrDefault(id, Long.MIN_VALUE)) {
                    versions.put(id, version);
                    lines.put(id, row.line());
                }
            }
        }
        return lines;
    }

    private Map<HistoryFile, Path> present() {
        if (!Files.isDirectory(settings.directory())) {
            throw new ImportException(settings.directory() + " is not a directory of history files");
        }
        Map<HistoryFile, Path> files = new EnumMap<>(HistoryFile.class);
        for (HistoryFile file : HistoryFile.values()) {
            Path path = settings.directory().resolve(file.fileName());
            if (Files.isRegularFile(path)) {
                files.put(file, path);
            }
        }
        if (files.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (HistoryFile file : HistoryFile.values()) {
                names.add(file.fileName());
            }
            throw new ImportException(settings.directory() + " holds none of the history files " + String.join(", ", names));
        }
        return files;
    }

    private List<HistoryReader> open(Map<HistoryFile, Path> files) {
        List<HistoryReader> readers = new ArrayList<>();
        try {
            files.forEach((file, path) -> readers.add(HistoryReader.open(file, path, bytesRead)));
            return readers;
        } catch (ImportException e) {
            readers.forEach(HistoryReader::close);
            throw e;
        }
    }

    /** Hex SHA-256 over each present file's name and the SHA-256 of its content. */
    static String importId(Map<HistoryFile, Path> files) {
        MessageDigest all = sha256();
        for (Map.Entry<HistoryFile, Path> file : files.entrySet()) {
            MessageDigest content = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file.getValue()), content)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new ImportException("cannot read " + file.getValue() + ": " + e.getMessage(), e);
            }
            all.update((file.getKey().fileName() + ":" + HexFormat.of().formatHex(content.digest()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new ImportException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private void report(boolean done) {
        long now = System.nanoTime();
        if (done || now - lastProgress >= PROGRESS_EVERY_NANOS || rows % PROGRESS_EVERY_ROWS == 0) {
            lastProgress = now;
            progress.accept(new Progress(done ? totalBytes : Math.min(bytesRead.get(), totalBytes), totalBytes, rows,
                    produced, rejected, elapsed(), done));
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Paces the guest files in stretches of event time: at the end of each (and after the catalogue) it commits
     * what was produced and waits until the consumers of the input topics (profile-stream) have read it, so
     * Kafka Streams cannot read one topic a month ahead of another and reject the other's events as older than
     * its de-duplication horizon. Does nothing in a dry run or without a stretch.
     */
    private final class Pacer implements AutoCloseable {

        private final Production production;
        private final ConsumerCatchUp catchUp;
        private Instant stretchEnd;

        Pacer(Production production) {
            this.production = production;
            if (production == null || settings.stretch() == null) {
                catchUp = null;
                return;
            }
            List<String> inputs = new ArrayList<>();
            for (HistoryFile file : HistoryFile.values()) {
                inputs.add(file.topic(settings.topics()));
            }
            catchUp = new ConsumerCatchUp(settings.clientSettings(), inputs);
        }

        /** Before the row at {@code position}, of time {@code time}: a pause when it starts a new stretch. */
        void before(Instant time, long position) {
            if (catchUp == null) {
                return;
            }
            if (stretchEnd == null) {
                stretchEnd = time.plus(settings.stretch());
            } else if (time.isAfter(stretchEnd)) {
                pause(position);
                stretchEnd = time.plus(settings.stretch());
            }
        }

        /** Commits the rows before {@code position} and waits until the consumers have read them. */
        void pause(long position) {
            if (catchUp == null) {
                return;
            }
            production.checkpoint(position, produced, rejected);
            try {
                catchUp.await(CATCH_UP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportException("interrupted while waiting for the consumers of the history", e);
            } catch (KafkaException e) {
                throw new ImportException("cannot read the consumers' progress: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (catchUp != null) {
                catchUp.close();
            }
        }
    }

    /** The producer and its transactions: rows of one transaction plus the ledger position they reach. */
    private final class Production implements AutoCloseable {

        private final String importId;
        private final ImportLedger ledger;
        private final KafkaProducer<String, byte[]> producer;
        private long inTransaction;

        Production(String importId, ImportLedger ledger, ImportLedger.Entry resumed) {
            this.importId = importId;
            this.ledger = ledger;
            Properties props = new Properties();
            props.putAll(settings.clientSettings());
            // One transactional id per import: a rerun fences an interrupted run and aborts what it left open.
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.topics().prefix() + "encore-import-" + importId.substring(0, 24));
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            try {
                producer.initTransactions();
                producer.beginTransaction();
            } catch (KafkaException e) {
                producer.close(Duration.ZERO);
                throw new ImportException("cannot start the import's transactions: " + e.getMessage(), e);
            }
            if (resumed.position() > 0) {
                LOG.info("Import {} resumes after row {} of the merged files", importId, resumed.position());
            }
        }

        void send(ProducerRecord<String, byte[]> record) {
            try {
                producer.send(record);
            } catch (KafkaException e) {
                throw new ImportException("producing to " + record.topic() + " failed: " + e.getMessage()
                        + "; run the import again to resume from the last committed row", e);
            }
        }

        /**
         * Counts the row at {@code position} as handled (produced or rejected, the totals given including it);
         * commits the transaction with the ledger's position every so many rows.
         */
        void handled(long position, long producedRows, long rejectedRows) {
            if (++inTransaction >= settings.rowsPerTransaction()) {
                commit(new ImportLedger.Entry(position + 1, false, producedRows, rejectedRows));
            }
        }

        /** Commits the open transaction, if it holds rows, with the position reached. */
        void checkpoint(long position, long producedRows, long rejectedRows) {
            if (inTransaction > 0) {
                commit(new ImportLedger.Entry(position, false, producedRows, rejectedRows));
            }
        }

        void finish(long position, long producedRows, long rejectedRows) {
            commit(new ImportLedger.Entry(position, true, producedRows, rejectedRows));
        }

        private void commit(ImportLedger.Entry entry) {
            try {
                producer.send(ledger.record(importId, entry));
                producer.commitTransaction();
                inTransaction = 0;
                if (!entry.completed()) {
                    producer.beginTransaction();
                }
            } catch (KafkaException e) {
                throw new ImportException("committing rows up to " + entry.position() + " failed: " + e.getMessage()
                        + "; run the import again to resume from the last committed row", e);
            }
        }

        @Override
        public void close() {
            // An open transaction (an import that failed half way) is aborted by close; its rows are never read.
            producer.close(Duration.ofSeconds(30));
        }
    }

    /** The rejects file: one line per rejected row with where it was and why. Replaced on every run. */
    private static final class Rejects implements AutoCloseable {

        private final CSVPrinter printer;

        Rejects(Path path) {
            try {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("file", "line", "column", "reason", "row").get());
            } catch (IOException e) {
                throw new ImportException("cannot write the rejects file " + path + ": " + e.getMessage(), e);
            }
        }

        void write(String file, CsvRow row, RowRejectedException reason) {
            try {
                StringBuilder raw = new StringBuilder();
                CSVFormat.RFC4180.printRecord(raw, (Object[]) row.record().values());
                printer.printRecord(file, row.line(), reason.column(), reason.reason(), raw.toString().strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file", e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file", e);
            }
        }
    }
}
