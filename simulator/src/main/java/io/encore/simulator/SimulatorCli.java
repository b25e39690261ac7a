package io.encore.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.encore.simulator.behaviour.LoopStats;
import io.encore.simulator.catalogue.Season;
import io.encore.simulator.csv.CsvFormat;
import io.encore.simulator.csv.CsvSink;
import io.encore.simulator.csv.HistoryExport;
import io.encore.simulator.history.HistoryGenerator;
import io.encore.simulator.kafka.KafkaSettings;
import io.encore.simulator.output.OutputTopic;

/**
 * {@code simulate}: the simulated concert hall from the command line. With {@code --out} it writes history
 * CSV files for {@code ./encore import} (docs/import.md); with {@code --bootstrap-servers} it plays a season
 * live against a running Encore, answering what Encore recommends. The same seed gives the same hall.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "Encore simulator 0.1.0-SNAPSHOT",
        sortOptions = false,
        description = {"A seeded, deterministic simulated concert hall: a season of concerts, guests with hidden tastes "
                + "and their behaviour.",
            "  CSV history:  simulate --out <dir> [--history-years N] [--guests N]",
            "  Live:         simulate --bootstrap-servers <host:port> --schema-registry-url <url> [--rate N] [--duration 10m]"},
        footer = {"", "docs/simulator.md describes the simulation, docs/import.md the CSV files."})
public final class SimulatorCli implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--guests", defaultValue = "20000", description = "Simulated guests (default: ${DEFAULT-VALUE}).")
    int guests;

    @Option(names = "--concerts", defaultValue = "420", description = "Concerts per season (default: ${DEFAULT-VALUE}).")
    int concerts;

    @Option(names = "--start-date", description = "First day of the season, yyyy-MM-dd (default: today).")
    LocalDate startDate;

    @Option(names = "--history-years", description = "Years of ticket sales before the start date (default: 1 with --out, 0 live).")
    Integer historyYears;

    @Option(names = "--out", paramLabel = "<dir>", description = "Write history CSV files to this directory (no broker needed).")
    Path out;

    @Option(names = "--bootstrap-servers", paramLabel = "<host:port>", description = "Produce live to this Kafka cluster.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "<url>", description = "Schema registry of Encore's values (live).")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every topic name (live; default: none).")
    String topicPrefix;

    @Option(names = "--rate", paramLabel = "<events/s>", description = "Cap on records per second (live; default: 1000).")
    Double rate;

    @Option(names = "--acceleration", description = "Simulated seconds per wall-clock second (live; default: 3600, an hour a second).")
    Double acceleration;

    @Option(names = "--duration", description = "Stop after this wall-clock time, e.g. 90s, 10m, 2h (live; default: the season's end or Ctrl-C).")
    String duration;

    @Option(names = "--history-settle", description = "Live with history: wait at most this long for Encore to read each 25 days of history (default: 3m).")
    String historySettle;

    @Option(names = "--newsletter-days", description = "A newsletter campaign every N simulated days, 0 for none (live; default: 7).")
    Integer newsletterDays;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/encore/simulator/simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        LocalDate start = startDate != null ? startDate : LocalDate.now(Season.HALL_ZONE);
        return out != null ? writeCsv(start) : runLive(start);
    }

    private void checkOptions() {
        if (out != null && bootstrapServers != null) {
            throw usage("choose one: --out <dir> writes CSV history files, --bootstrap-servers produces live to Kafka");
        }
        if (out == null && bootstrapServers == null) {
            throw usage("nothing to do: give --out <dir> for CSV history files, or --bootstrap-servers <host:port> "
                    + "and --schema-registry-url <url> for live production");
        }
        if (bootstrapServers != null && (schemaRegistryUrl == null || schemaRegistryUrl.isBlank())) {
            throw usage("--schema-registry-url is required with --bootstrap-servers: Encore's values are written with its registry");
        }
        if (out != null && (rate != null || acceleration != null || duration != null || newsletterDays != null
                || schemaRegistryUrl != null || historySettle != null)) {
            throw usage("--rate, --acceleration, --duration, --newsletter-days, --history-settle and --schema-registry-url "
                    + "apply to live production, not to --out");
        }
        if (guests < 1) {
            throw usage("--guests must be at least 1, got " + guests);
        }
        if (concerts < 1) {
            throw usage("--concerts must be at least 1, got " + concerts);
        }
        if (historyYears != null && (historyYears < 0 || historyYears > 20)) {
            throw usage("--history-years must be between 0 and 20, got " + historyYears);
        }
        if (rate != null && rate < 0 || acceleration != null && acceleration <= 0) {
            throw usage("--rate must not be negative and --acceleration must be positive");
        }
        checkDuration("--duration", duration);
        checkDuration("--history-settle", historySettle);
    }

    private void checkDuration(String option, String value) {
        if (value != null) {
            try {
                Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw usage(option + ": " + e.getMessage());
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int writeCsv(LocalDate start) throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        int years = historyYears == null ? 1 : historyYears;
        console.printf(Locale.ROOT, "Writing the history of seed %d to %s: %d season(s) before %s and the current one, "
                + "%,d concerts a season, %,d guests%n", seed, out, years, start, concerts, guests);
        console.flush();
        long begin = System.nanoTime();
        HistoryExport export = new HistoryExport(seed, guests, concerts, start, years);
        console.printf(Locale.ROOT, "  seasons and audience generated in %.1f s%n", seconds(begin));
        console.flush();
        long writing = System.nanoTime();
        HistoryGenerator.Summary summary;
        try (CsvSink csv = new CsvSink(out)) {
            Thread ticker = progress(console, () -> String.format(Locale.ROOT, "  … %,d ticket sales written",
                    csv.rows(CsvFormat.TICKET_SALES)));
            try {
                summary = export.writeTo(csv);
            } finally {
                ticker.interrupt();
                ticker.join();
            }
            double took = seconds(writing);
            long sales = csv.rows(CsvFormat.TICKET_SALES);
            console.printf(Locale.ROOT, "Done in %.1f s (writing %.1f s, %,.0f ticket-sales rows/s); %,d orders dropped on sold-out concerts%n",
                    seconds(begin), took, sales / Math.max(took, 1e-3), summary.soldOut());
            for (CsvFormat format : CsvFormat.values()) {
                console.printf(Locale.ROOT, "  %-20s %,12d rows%n", format.fileName(), csv.rows(format));
            }
        }
        console.flush();
        return 0;
    }

    private int runLive(LocalDate start) throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        long begin = System.nanoTime();
        Simulation simulation = liveSimulation(start);
        console.printf(Locale.ROOT, "Simulating season %s (%,d concerts) with %,d guests, seed %d, to %s (generated in %.1f s); Ctrl-C stops%n",
                simulation.season().label(), simulation.season().concerts().size(), guests, seed, bootstrapServers, seconds(begin));
        console.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            simulation.close();
        }, "encore-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        simulation.start();
        if (!report(simulation, console, stopped)) {
            return 0; // Ctrl-C: the hook closes the simulation
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 0;
        }
        simulation.close();
        console.println(progressLine(simulation, 0));
        console.flush();
        if (simulation.failure().isPresent()) {
            spec.commandLine().getErr().println("The simulation failed: " + simulation.failure().get().getMessage());
            return 1;
        }
        return 0;
    }

    private Simulation liveSimulation(LocalDate start) {
        Simulation.Builder builder = Simulation.builder().seed(seed).guests(guests).concerts(concerts).startDate(start)
                .historyYears(historyYears == null ? 0 : historyYears)
                .kafka(KafkaSettings.of(bootstrapServers, schemaRegistryUrl, topicPrefix));
        if (rate != null) {
            builder.maxEventsPerSecond(rate);
        }
        if (acceleration != null) {
            builder.acceleration(acceleration);
        }
        if (newsletterDays != null) {
            builder.newsletterEveryDays(newsletterDays);
        }
        if (historySettle != null) {
            builder.historySettle(Durations.parse(historySettle));
        }
        return builder.build();
    }

    /** Prints a progress line every 5 s until the run ends or times out (true), or Ctrl-C stops it (false). */
    private boolean report(Simulation simulation, PrintWriter console, CountDownLatch stopped) throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + Durations.parse(duration).toNanos();
        long lastTotal = 0;
        while (!simulation.finished() && System.nanoTime() < deadline) {
            long wait = Math.min(5, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            if (stopped.await(wait, TimeUnit.SECONDS)) {
                return false;
            }
            long total = simulation.totalRecords();
            console.println(progressLine(simulation, (total - lastTotal) / (double) wait));
            console.flush();
            lastTotal = total;
        }
        return true;
    }

    static String progressLine(Simulation simulation, double perSecond) {
        Map<OutputTopic, Long> counts = simulation.counts();
        LoopStats.Snapshot stats = simulation.stats();
        LoopStats.Row personal = stats.web().get(LoopStats.RowKind.PERSONALIZED);
        LoopStats.Row holdout = stats.web().get(LoopStats.RowKind.HOLDOUT);
        return String.format(Locale.ROOT, "  %s | %,d records, %,.0f/s (clicks %,d, sales %,d, e-mail %,d, ads %,d) | "
                        + "for-you rows: personalized fit %.2f CTR %.1f%%, holdout fit %.2f CTR %.1f%%",
                CLOCK.format(simulation.simulatedTime().atZone(Season.HALL_ZONE)), simulation.totalRecords(),
                perSecond, counts.get(OutputTopic.CLICK_EVENTS), counts.get(OutputTopic.TICKET_SALES),
                counts.get(OutputTopic.EMAIL_RESPONSES), counts.get(OutputTopic.AD_INTERACTIONS),
                personal.meanAffinity(), 100 * personal.clickRate(), holdout.meanAffinity(), 100 * holdout.clickRate());
    }

    private static Thread progress(PrintWriter console, Supplier<String> line) {
        Thread ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(2000);
                    console.println(line.get());
                    console.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "encore-simulator-progress");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
