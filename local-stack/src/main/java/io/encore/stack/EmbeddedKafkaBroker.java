package io.encore.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node KRaft broker (combined broker + controller) in this JVM, built from the same classes
 * as {@code kafka.Kafka}. The storage is formatted once with the latest <em>production</em> metadata
 * version (what a released 4.3.1 broker runs) and reused on the next start, so a second start is fast.
 * Topic auto-creation is off: every topic Encore uses is created explicitly with its configuration.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    /**
     * @param host           interface to listen on and advertise
     * @param port           client port; 0 picks a free one
     * @param controllerPort KRaft controller port; 0 picks a free one
     * @param dataDir        log and metadata directory (created and formatted when empty)
     * @param overrides      broker properties that win over the defaults (security, tuning)
     */
    public record Settings(String host, int port, int controllerPort, Path dataDir, Map<String, String> overrides) {

        public Settings {
            overrides = Map.copyOf(overrides);
        }

        public static Settings ephemeral(Path dataDir) {
            return new Settings("127.0.0.1", 0, 0, dataDir, Map.of());
        }
    }

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the storage if needed, starts the broker and returns once it accepts connections. */
    public static EmbeddedKafkaBroker start(Settings settings) {
        int port = Ports.require(settings.host(), settings.port(), "--kafka-port");
        int controllerPort = Ports.require(settings.host(), settings.controllerPort(), "--controller-port");
        Properties props = brokerProperties(settings, port, controllerPort);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(settings.dataDir().resolve("kraft"));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = settings.host() + ":" + port;
        awaitReady(bootstrap);
        LOG.info("KRaft broker listening on {} (data in {})", bootstrap, settings.dataDir());
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** {@code startup()} returns before the broker is unfenced; an Admin round trip proves it serves. */
    private static void awaitReady(String bootstrap) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker at " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker at " + bootstrap + " did not answer within " + READY_TIMEOUT, e);
        }
    }

    static Properties brokerProperties(Settings settings, int port, int controllerPort) {
        String host = settings.host();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", settings.dataDir().resolve("kraft").toString());
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // One node: internal topics cannot be replicated; fewer partitions make the first group/transaction fast.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(settings.overrides());
        return props;
    }

    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // formatted by an earlier start: keep its cluster id and data
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(print)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .run();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the broker data directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format KRaft storage in " + logDir + ": " + e.getMessage()
                    + " " + output.toString(StandardCharsets.UTF_8).trim(), e);
        }
        LOG.debug("storage format: {}", output.toString(StandardCharsets.UTF_8).trim());
    }
}
