package io.encore.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.encore.importer.ImportException;
import io.encore.importer.Importer;
import io.encore.runtime.config.EncoreConfig;

/**
 * {@code ./encore import <dir>}: the history files of docs/import.md into a running Encore's input topics,
 * with a progress bar, a summary, and the rows that cannot be used in a rejects file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import history from CSV files (docs/import.md: concerts.csv, ticket-sales.csv, identity-links.csv, "
                + "guest-consents.csv, guest-contacts.csv, market-spend.csv) into the input topics of a running Encore "
                + "(start one with './encore demo' or './encore stack'). Every row is checked; rows that cannot be used "
                + "go to the rejects file with their line and reason. Exactly once: an interrupted import resumes where "
                + "it stopped, and importing the same files again produces nothing.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory holding the history files.")
    Path directory;

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
            description = "Kafka to import into (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = EncoreConfig.SCHEMA_REGISTRY_URL_DEFAULT,
            description = "Schema registry (default: ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every topic name (default: none).")
    String topicPrefix;

    @Option(names = "--rejects", description = "Where to write the rejected rows (default: DIR/rejects.csv).")
    Path rejects;

    @Option(names = "--rows-per-transaction", defaultValue = "5000",
            description = "Rows per Kafka transaction: how far an interrupted import may have to redo (default: ${DEFAULT-VALUE}).")
    int rowsPerTransaction;

    @Option(names = "--dry-run", description = "Check every row and write the rejects file; produce nothing.")
    boolean dryRun;

    @Option(names = "--stretch-days", defaultValue = "25",
            description = "Days of event time produced before waiting until the input topics' consumers (profile-stream) "
                    + "have read them, so none is read a month ahead of another; 0 never waits (default: ${DEFAULT-VALUE}).")
    int stretchDays;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        overrides.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        overrides.put(EncoreConfig.TOPIC_PREFIX_CONFIG, topicPrefix);
        Map<String, Object> merged = EncoreConfig.merge(null, System.getenv(), overrides);
        EncoreConfig config = new EncoreConfig(merged);
        Path rejectsFile = rejects != null ? rejects : directory.resolve("rejects.csv");
        ConsoleProgress bar = new ConsoleProgress(out, System.console() != null);
        out.println((dryRun ? "Checking " : "Importing ") + directory.toAbsolutePath()
                + (dryRun ? " (dry run: nothing is produced)" : " into " + bootstrapServers));
        out.flush();
        Importer.Result result;
        try {
            result = Importer.run(new Importer.Settings(directory, config.topicCatalogue(), clientSettings(merged),
                    rejectsFile, rowsPerTransaction, dryRun, stretchDays > 0 ? Duration.ofDays(stretchDays) : null),
                    progress -> bar.show(progress.fraction(), progress.done(), progressLine(progress)));
        } catch (ImportException e) {
            bar.end();
            out.println("✘ " + e.getMessage());
            out.flush();
            return 1;
        }
        bar.end();
        summary(out, result);
        return 0;
    }

    /** The Kafka client settings among the merged ones: bootstrap servers and any security settings. */
    static Map<String, Object> clientSettings(Map<String, Object> merged) {
        Set<String> known = new HashSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        Map<String, Object> client = new HashMap<>();
        merged.forEach((key, value) -> {
            if (known.contains(key) && !key.endsWith(".serializer") && !key.endsWith(".deserializer")) {
                client.put(key, value);
            }
        });
        return client;
    }

    private static void summary(PrintWriter out, Importer.Result result) {
        if (result.alreadyImported()) {
            out.printf("Already imported: these files (import %s…) were imported before; nothing was produced.%n",
                    result.importId().substring(0, 12));
            out.flush();
            return;
        }
        out.printf("%s in %s: %,d rows produced, %,d rejected%s%n", result.dryRun() ? "Checked" : "Imported",
                seconds(result.elapsed()), result.produced(), result.rejected(),
                result.rejected() > 0 ? " (rows, lines and reasons in " + result.rejects() + ")" : "");
        if (result.resumedAt() > 0) {
            out.printf("  resumed an interrupted import after %,d rows%n", result.resumedAt());
        }
        out.printf("  %-20s %12s %12s %10s %11s%n", "file", "rows", result.dryRun() ? "valid" : "produced", "rejected",
                "superseded");
        for (Importer.FileResult file : result.files()) {
            out.printf("  %-20s %,12d %,12d %,10d %,11d%n", file.file(), file.rows(), file.produced(), file.rejected(),
                    file.superseded());
        }
        out.flush();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * The progress line: a bar redrawn in place on a terminal, or a line every tenth of the way in a log.
     */
    /** One progress line of an import: rows, rows/s, the time left, rejected rows. */
    static String progressLine(Importer.Progress progress) {
        double seconds = Math.max(progress.elapsed().toMillis(), 1) / 1000.0;
        return String.format("  %s  %,d rows  %,.0f rows/s%s%s", ConsoleProgress.bar(progress.fraction()),
                progress.rows(), progress.rows() / seconds,
                progress.done() ? "" : ConsoleProgress.eta(progress.fraction(), progress.elapsed()),
                progress.rejected() > 0 ? String.format("  (%,d rejected)", progress.rejected()) : "");
    }
}
