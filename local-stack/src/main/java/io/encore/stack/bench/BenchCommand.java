package io.encore.stack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.encore.stack.Directories;
import io.encore.stack.LocalStack;

/**
 * {@code ./encore bench}: the engine measured against the platform's own ceiling on a fresh local stack, in one
 * run so the ratios hold on a noisy machine. Sizes default to the full run; {@code --quick} shrinks them to finish
 * within minutes; any size given explicitly wins over both.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark Encore on a fresh local broker and registry: a pass-through ceiling, profile-stream + "
                + "scoring-stream over the same events (exactly_once_v2), event-to-change latency at a fixed rate, a new "
                + "concert's fan-out to every guest, state per guest and the scoring kernel (JMH). Prints a table and "
                + "writes a JSON file.")
public final class BenchCommand implements Callable<Integer> {

    private static final String MARKER = ".encore-bench";

    @Option(names = "--quick", description = "Small sizes (10,000 guests, 30,000 events, 10 s of latency at 1,000 events/s, "
            + "short JMH): about five minutes.")
    boolean quick;

    @Option(names = "--guests", description = "Guests who act, and whom the fan-out reaches (full: 1,000,000; quick: 10,000).")
    Integer guests;

    @Option(names = "--events", description = "Pre-produced events for the ceiling and the engine, at least --guests "
            + "(full: 2,000,000; quick: 30,000).")
    Long events;

    @Option(names = "--concerts", defaultValue = "1000", description = "Upcoming concerts (default: ${DEFAULT-VALUE}).")
    int concerts;

    @Option(names = "--consent-share", defaultValue = "0.5",
            description = "Share of the guests who consent to the web, e-mail and ads: three lists each and concert audiences; "
                    + "the others get the web list alone (default: ${DEFAULT-VALUE}).")
    double consentShare;

    @Option(names = "--rate", description = "Offered events/s in the latency phase (full: 5,000; quick: 1,000).")
    Double rate;

    @Option(names = "--latency-seconds", description = "How long the latency phase offers --rate (full: 60; quick: 10).")
    Integer latencySeconds;

    @Option(names = "--timeout-minutes", defaultValue = "60",
            description = "The longest one phase may take before the run gives up (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--app-setting", paramLabel = "NAME=VALUE",
            description = "A setting for both stream apps, repeatable (e.g. encore.rocksdb.memory.bytes=0 to compare "
                    + "with RocksDB unbounded).")
    private Map<String, String> appSettings = new LinkedHashMap<>();

    @Option(names = "--no-kernel", description = "Skip the JMH kernel benchmark.")
    boolean noKernel;

    @Option(names = "--out", description = "The JSON result file (default: benchmarks/results/bench-<date-time>[-quick].json).")
    Path out;

    @Option(names = "--data-dir", defaultValue = ".encore/bench",
            description = "Broker, registry and state directories, deleted at the start (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "localhost", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--kafka-port", defaultValue = "0", description = "Kafka client port (default: any free port).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "0", description = "KRaft controller port (default: any free port).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "0", description = "Schema registry port (default: any free port).")
    int registryPort;

    @Option(names = "--registry-runner", description = "The registry's runnable jar (default: from ./encore).",
            defaultValue = "${sys:encore.registry.runner:-local-stack/registry/target/encore-registry-server-0.1.0-SNAPSHOT-runner.jar}")
    Path registryRunner;

    @Option(names = "--benchmarks-jar", description = "The JMH benchmarks jar (default: from ./encore).",
            defaultValue = "${sys:encore.benchmarks.jar:-benchmarks/target/encore-benchmarks.jar}")
    Path benchmarksJar;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Bench.Settings settings = settings();
        PrintWriter console = spec.commandLine().getOut();
        freshDataDir();
        console.printf("Encore bench%s: %,d guests, %,d concerts, %,d events (data in %s)%n", quick ? " --quick" : "",
                settings.guests(), settings.concerts(), settings.events(), dataDir.toAbsolutePath());
        console.flush();
        Optional<BenchResult> result = runOnStack(settings, console);
        if (result.isEmpty()) {
            return 1;
        }
        BenchResult complete = BenchReport.complete(result.get(), kernel(console));
        Path outFile = out != null ? out : Path.of(System.getProperty("encore.bench.results", "benchmarks/results"),
                "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")) + (quick ? "-quick" : "") + ".json");
        BenchReport.write(outFile, complete);
        BenchReport.print(complete, console);
        console.println();
        console.println("Written to " + outFile.toAbsolutePath());
        console.flush();
        return 0;
    }

    /** A fresh stack, the bench on it, the stack stopped again (on Ctrl-C too: no registry process is left behind). */
    private Optional<BenchResult> runOnStack(Bench.Settings settings, PrintWriter console) throws InterruptedException {
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Settings(host, kafkaPort, controllerPort, registryPort, dataDir,
                    registryRunner, ""), step -> say(console, step));
        } catch (IllegalStateException e) {
            return failed(console, e);
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                stack.close();
            }
        };
        Thread hook = new Thread(close, "encore-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return Optional.of(new Bench(settings, new Bench.Target(host, stack.bootstrapServers(), stack.registryUrl(), "",
                    dataDir), step -> say(console, step)).run());
        } catch (IllegalStateException e) {
            return failed(console, e);
        } finally {
            close.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        }
    }

    /**
     * Empties {@code --data-dir} for this run, but only a directory an earlier bench made (it holds the marker) or
     * one that is empty: pointed at the demo's {@code .encore} by mistake, the bench refuses instead of deleting it.
     */
    private void freshDataDir() throws IOException {
        if (Files.isDirectory(dataDir) && !Files.exists(dataDir.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--data-dir " + dataDir
                            + " is not empty and was not made by ./encore bench; choose another (it is deleted at the start)");
                }
            }
        }
        Directories.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(MARKER), "made by ./encore bench; deleted by its next run\n");
    }

    private static Optional<BenchResult> failed(PrintWriter console, RuntimeException e) {
        console.println("  ✘ " + e.getMessage());
        console.flush();
        return Optional.empty();
    }

    private BenchResult.Kernel kernel(PrintWriter console) throws IOException, InterruptedException {
        if (noKernel) {
            return new BenchResult.Kernel(false, "skipped (--no-kernel)", List.of());
        }
        say(console, "kernel: JMH in a child process (" + benchmarksJar + ")");
        return KernelRun.run(benchmarksJar, quick, dataDir, dataDir.resolve("kernel.log"));
    }

    Bench.Settings settings() {
        int g = guests != null ? guests : quick ? 10_000 : 1_000_000;
        long e = events != null ? events : quick ? 30_000 : 2_000_000;
        int seconds = latencySeconds != null ? latencySeconds : quick ? 10 : 60;
        double r = rate != null ? rate : quick ? 1_000 : 5_000;
        require(g >= 2, "--guests must be at least 2, not " + g);
        require(e >= g, "--events must be at least --guests (" + g + "), not " + e + ": every guest acts once");
        require(concerts >= 1, "--concerts must be at least 1, not " + concerts);
        require(r > 0, "--rate must be positive, not " + r);
        require(consentShare >= 0 && consentShare <= 1, "--consent-share must be in [0, 1], not " + consentShare);
        require(seconds >= 1, "--latency-seconds must be at least 1, not " + seconds);
        require(timeoutMinutes >= 1, "--timeout-minutes must be at least 1, not " + timeoutMinutes);
        return new Bench.Settings(g, concerts, consentShare, e, r, Duration.ofSeconds(seconds),
                Duration.ofMinutes(timeoutMinutes), Map.copyOf(appSettings));
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    private static void say(PrintWriter console, String step) {
        console.println("  ✔ " + step);
        console.flush();
    }
}
