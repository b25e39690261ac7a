package io.encore.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.registry.CompatibilityLevel;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClient;
import io.encore.schemas.registry.SchemaRegistryClients;

/**
 * The local schema registry: Apicurio Registry (in-memory storage) serving the Confluent REST API at
 * {@value #API_PATH}, run as a child process from the jar that {@code local-stack/registry} builds.
 * A separate process because Apicurio is a Quarkus application with its own classpath. On start the
 * registry-wide compatibility is set to BACKWARD (Apicurio's default is NONE).
 *
 * <p>With a storage directory the registry keeps its schemas in an H2 file there, so records already on
 * the broker still resolve their schema ids after a restart; without one it holds them in memory (tests).
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String API_PATH = "/apis/ccompat/v7";
    /** System property naming the runner jar; set by the build for ITs, by {@code ./encore} for the stack. */
    public static final String RUNNER_PROPERTY = "encore.registry.runner";

    private static final Logger LOG = LoggerFactory.getLogger(LocalRegistry.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String url;

    private LocalRegistry(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts the registry on {@code host:port} (0 picks a free port), logging to {@code logFile}, and returns
     * once its API answers.
     *
     * @param storageDir where schemas persist across restarts; empty keeps them in memory
     */
    public static LocalRegistry start(Path runnerJar, String host, int port, Optional<Path> storageDir, Path logFile) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException("Registry runner " + runnerJar + " not found: build it with "
                    + "./mvnw -B -pl local-stack/registry package (./encore does this on first use)");
        }
        int chosen = Ports.require(host, port, "--registry-port");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + host, "-Dquarkus.http.port=" + chosen,
                "-Dquarkus.banner.enabled=false", "-Dquarkus.log.level=WARN"));
        storageDir.ifPresent(dir -> command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:"
                + dir.toAbsolutePath().resolve("registry_db")));
        command.addAll(List.of("-jar", runnerJar.toString()));
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the registry: " + e.getMessage(), e);
        }
        LocalRegistry registry = new LocalRegistry(process, "http://" + host + ":" + chosen + API_PATH);
        try {
            registry.awaitReady(logFile);
            try (SchemaRegistryClient client = SchemaRegistryClients.create(RegistryClientConfig.of(registry.url))) {
                client.setDefaultCompatibility(CompatibilityLevel.BACKWARD);
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        LOG.info("Schema registry (pid {}) serving {}", process.pid(), registry.url);
        return registry;
    }

    /** The base URL of the Confluent-compatible API, for {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/subjects")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with code " + process.exitValue()
                        + " before it was ready; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
            sleepQuietly(200);
        }
        throw new IllegalStateException("The registry did not answer at " + url + " within " + READY_TIMEOUT
                + "; see " + logFile);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
