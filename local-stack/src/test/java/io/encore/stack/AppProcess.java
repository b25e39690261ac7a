package io.encore.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Encore stream app as a real child JVM, as an operator runs it: {@code java -cp … <main class>} with its
 * settings in environment variables only ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_*}, {@code ENCORE_*}), its own
 * state directory and HTTP port, and its output in a file under {@code target/} for diagnosis. The ITs that
 * stop, kill and restart instances use it; {@link #close()} kills whatever is left, children first.
 */
final class AppProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The two stream apps: main class and the query path of a guest. */
    enum App {
        PROFILE("io.encore.profile.ProfileStreamApp", "/guests/%s/profile"),
        SCORING("io.encore.scoring.ScoringStreamApp", "/guests/%s/recommendations");

        final String mainClass;
        final String guestPath;

        App(String mainClass, String guestPath) {
            this.mainClass = mainClass;
            this.guestPath = guestPath;
        }
    }

    /**
     * What every instance of an app shares: broker, registry, topic prefix, application id, and a shorter
     * consumer session than Kafka's 45 s — Kafka Streams does not leave the group on close, so the partitions of a
     * stopped or killed instance move once its session expires.
     */
    record Cluster(String bootstrapServers, String registryUrl, String topicPrefix, String applicationIdBase) {

        Map<String, String> environment() {
            return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "SCHEMA_REGISTRY_URL", registryUrl,
                    "ENCORE_TOPIC_PREFIX", topicPrefix, "KAFKA_SESSION_TIMEOUT_MS", "10000",
                    "KAFKA_HEARTBEAT_INTERVAL_MS", "2000");
        }
    }

    private final App app;
    private final String name;
    private final int port;
    private final Path stateDir;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private AppProcess(App app, String name, int port, Path stateDir, Path log, List<String> command,
                       Map<String, String> environment) {
        this.app = app;
        this.name = name;
        this.port = port;
        this.stateDir = stateDir;
        this.log = log;
        this.command = command;
        this.environment = environment;
    }

    /**
     * Starts instance {@code name} of {@code app} with its state in {@code stateDir} and its output appended to
     * {@code target/it-logs/<logName>.log}; {@link #restart()} starts it again with the same settings.
     */
    static AppProcess start(App app, String name, Cluster cluster, Path stateDir, String logName) {
        int port = Ports.free(HOST);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), app.mainClass));
        Map<String, String> env = new HashMap<>(cluster.environment());
        env.putAll(Map.ofEntries(
                Map.entry("KAFKA_APPLICATION_ID", cluster.applicationIdBase() + "-" + app.name().toLowerCase()),
                Map.entry("KAFKA_STATE_DIR", stateDir.toAbsolutePath().toString()),
                Map.entry("ENCORE_HTTP_HOST", HOST),
                Map.entry("ENCORE_HTTP_ADVERTISED_HOST", HOST),
                Map.entry("ENCORE_HTTP_PORT", Integer.toString(port)),
                Map.entry("ENCORE_HTTP_AUTH_TOKEN", ItTokens.QUERY),
                Map.entry("ENCORE_HTTP_ADMIN_TOKEN", ItTokens.ADMIN)));
        Path log = Path.of("target", "it-logs", logName + ".log");
        AppProcess instance = new AppProcess(app, name, port, stateDir, log, List.copyOf(command), Map.copyOf(env));
        instance.launch();
        return instance;
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what this instance is given: nothing of the test JVM's own ENCORE_/KAFKA_ environment leaks in.
        builder.environment().keySet().removeIf(key -> key.startsWith("ENCORE_") || key.startsWith("KAFKA_")
                || key.startsWith("SCHEMA_REGISTRY_"));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "=== " + name + " starting at " + Instant.now() + " ===\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Starts the instance again after a stop or kill: same port, state directory, settings and log. */
    AppProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    String name() {
        return name;
    }

    App app() {
        return app;
    }

    int port() {
        return port;
    }

    Path stateDir() {
        return stateDir;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The HTTP status of {@code path} with the query token; -1 when nothing answered. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path))
                .header("Authorization", "Bearer " + ItTokens.QUERY).timeout(Duration.ofSeconds(10)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Waits until the instance's Kafka Streams is RUNNING ({@code /health/ready} answers 200). */
    void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (status("/health/ready") != 200) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was not ready within " + within.toSeconds() + " s; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** Stops the instance as a service manager would (SIGTERM) and returns its exit code. */
    int stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not stop within " + within.toSeconds() + " s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook, no commit, no goodbye to the group. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Kills whatever is left (after a failed test): children first, so none is orphaned. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
