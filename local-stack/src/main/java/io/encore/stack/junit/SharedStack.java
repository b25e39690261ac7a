package io.encore.stack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.encore.stack.Directories;
import io.encore.stack.EmbeddedKafkaBroker;
import io.encore.stack.LocalRegistry;

/**
 * The broker (and, on first request, the registry) that every integration test in a JVM shares. Tests
 * isolate themselves by name ({@link TestNames}), not by starting their own cluster: the first broker in a
 * JVM costs seconds, a topic milliseconds.
 */
public final class SharedStack implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedKafkaBroker broker;
    private LocalRegistry registry;

    private SharedStack(Path dataDir, EmbeddedKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    static SharedStack start() {
        try {
            Path dataDir = Files.createTempDirectory("encore-it-");
            return new SharedStack(dataDir, EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.ephemeral(dataDir.resolve("kafka"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's Confluent API base URL; the registry process starts on the first call. */
    public synchronized String registryUrl() {
        if (registry == null) {
            String runner = System.getProperty(LocalRegistry.RUNNER_PROPERTY);
            if (runner == null) {
                throw new IllegalStateException("System property " + LocalRegistry.RUNNER_PROPERTY
                        + " is not set; the build sets it for failsafe (see the parent pom)");
            }
            registry = LocalRegistry.start(Path.of(runner), "127.0.0.1", 0, Optional.empty(),
                    dataDir.resolve("registry.log"));
        }
        return registry.url();
    }

    /** A new admin client on the shared broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (registry != null) {
                registry.close();
            }
            broker.close();
        } finally {
            Directories.deleteRecursively(dataDir);
        }
    }
}
