package io.encore.stack.connect;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.storage.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.stack.Ports;

/**
 * A real Kafka Connect worker in <b>distributed</b> mode in this JVM, as {@code connect-distributed.sh} runs it:
 * its connector configs, offsets and statuses live in three internal topics on the broker (created by the
 * worker itself, replication factor 1), connectors are created and changed through its REST API
 * ({@link ConnectRestClient}), and plugins come only from {@code plugin.path}, each in its own class loader.
 * Distributed rather than standalone because that is what a hall runs in production, and because only
 * distributed mode keeps connector offsets in Kafka where the KIP-875 offsets API can reset them.
 *
 * <p>Encore's sink plugins must not be on this JVM's classpath: a plugin found there bypasses isolation
 * and runs with the launcher's versions of its dependencies. {@code local-stack} therefore only unpacks the
 * connectors' plugin archive into a directory; see docs/connectors.md, "Running the sinks".
 */
public final class LocalConnect implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConnect.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Connect<?> connect;
    private final URI url;
    private final ConnectRestClient rest;

    /**
     * @param host             interface the REST API listens on and advertises
     * @param port             REST port (8083 by default); 0 picks a free one
     * @param bootstrapServers the broker the worker keeps its internal topics on and reads from
     * @param pluginPath       directory holding one subdirectory per plugin ({@code encore-connectors/})
     * @param groupId          the Connect cluster: group id and the prefix of its internal topics
     * @param overrides        worker properties that win over the defaults below
     */
    public record Settings(String host, int port, String bootstrapServers, Path pluginPath, String groupId,
                           Map<String, String> overrides) {

        public Settings {
            overrides = Map.copyOf(overrides);
        }
    }

    private LocalConnect(Connect<?> connect, URI url) {
        this.connect = connect;
        this.url = url;
        this.rest = new ConnectRestClient(url);
    }

    /** Starts the worker and returns once its REST API reports it ready (internal topics read, group joined). */
    public static LocalConnect start(Settings settings) {
        if (!Files.isDirectory(settings.pluginPath())) {
            throw new IllegalStateException("Connect plugin directory " + settings.pluginPath() + " not found: build it with "
                    + "./mvnw -B -DskipTests package (./encore does this on first use)");
        }
        int port = Ports.require(settings.host(), settings.port(), "--connect-port");
        Map<String, String> props = workerProperties(settings, port);
        // Plugin discovery swaps this thread's context class loader for Connect's delegating loader; put it back
        // so threads this JVM starts later (stream apps, tests) do not inherit it.
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Connect<?> connect;
        try {
            connect = new ConnectDistributed().startConnect(props);
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
        LocalConnect worker = new LocalConnect(connect, URI.create("http://" + settings.host() + ":" + port));
        try {
            worker.rest.awaitHealthy(READY_TIMEOUT);
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        LOG.info("Kafka Connect worker (group {}) serving {} with plugins from {}", settings.groupId(), worker.url,
                settings.pluginPath());
        return worker;
    }

    static Map<String, String> workerProperties(Settings settings, int port) {
        Map<String, String> props = new HashMap<>();
        props.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(DistributedConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(DistributedConfig.CONFIG_TOPIC_CONFIG, settings.groupId() + "-configs");
        props.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, settings.groupId() + "-offsets");
        props.put(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, settings.groupId() + "-status");
        // One broker: the worker creates its internal topics itself (the broker's auto-creation is off).
        props.put(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        props.put(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        props.put(DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        // Keys of Encore's topics are strings; values are Confluent-wire-format Avro that the sinks decode themselves.
        props.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, StringConverter.class.getName());
        props.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, ByteArrayConverter.class.getName());
        // Encore's apps write with exactly_once_v2: sinks must not act on records of aborted transactions.
        props.put("consumer.isolation.level", "read_committed");
        props.put(WorkerConfig.PLUGIN_PATH_CONFIG, settings.pluginPath().toAbsolutePath().toString());
        // service_load reads META-INF/services only: no classpath scan, a worker ready in seconds.
        props.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
        props.put(RestServerConfig.LISTENERS_CONFIG, "http://" + settings.host() + ":" + port);
        props.put(RestServerConfig.REST_ADVERTISED_HOST_NAME_CONFIG, settings.host());
        props.putAll(settings.overrides());
        return props;
    }

    /** The REST API's base URL, e.g. {@code http://localhost:8083}. */
    public URI url() {
        return url;
    }

    /** A client of this worker's REST API. */
    public ConnectRestClient rest() {
        return rest;
    }

    /**
     * Stops the worker and waits until its herder has halted every connector and task. Connect also stops
     * itself from a JVM shutdown hook; when that hook got there first, {@code stop()} returns at once, so the
     * wait on the herder is what keeps the broker up until the worker is really gone.
     */
    @Override
    public void close() {
        connect.stop();
        Future<?> herder = connect.herderTask();
        if (herder == null) {
            return;
        }
        try {
            herder.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The Connect worker did not stop cleanly within {}", STOP_TIMEOUT, e);
        } catch (CancellationException e) {
            LOG.debug("The Connect herder task was cancelled while stopping", e);
        }
    }
}
