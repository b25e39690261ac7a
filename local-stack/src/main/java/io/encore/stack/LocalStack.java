package io.encore.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Encore's infrastructure on one machine: a KRaft broker in this JVM, the schema registry as a child
 * process, and every topic of the catalogue. Closing it stops both, registry first.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * @param host           interface the broker and registry listen on
     * @param dataDir        broker data and logs ({@code .encore/} by default)
     * @param registryRunner the registry's runnable jar
     * @param topicPrefix    prefix of every topic name
     */
    public record Settings(String host, int kafkaPort, int controllerPort, int registryPort, Path dataDir,
                           Path registryRunner, String topicPrefix) {
    }

    private final EmbeddedKafkaBroker broker;
    private final LocalRegistry registry;
    private final TopicCatalogue catalogue;
    private final List<TopicProvisioner.Provisioned> topics;

    private LocalStack(EmbeddedKafkaBroker broker, LocalRegistry registry, TopicCatalogue catalogue,
                       List<TopicProvisioner.Provisioned> topics) {
        this.broker = broker;
        this.registry = registry;
        this.catalogue = catalogue;
        this.topics = topics;
    }

    /** Starts broker and registry, creates the topics; {@code progress} hears each step as it finishes. */
    public static LocalStack start(Settings settings, Consumer<String> progress) {
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Settings(settings.host(),
                settings.kafkaPort(), settings.controllerPort(), settings.dataDir().resolve("kafka"), Map.of()));
        progress.accept("Kafka broker ready on " + broker.bootstrapServers() + seconds(started));
        LocalRegistry registry = null;
        try {
            long registryStarted = System.nanoTime();
            registry = LocalRegistry.start(settings.registryRunner(), settings.host(), settings.registryPort(),
                    Optional.of(settings.dataDir().resolve("registry")), settings.dataDir().resolve("logs").resolve("registry.log"));
            progress.accept("Schema registry ready at " + registry.url() + seconds(registryStarted));
            AvroWireFormat wireFormat = new AvroWireFormat(
                    SchemaRegistryClients.create(RegistryClientConfig.of(registry.url())), true);
            TopicCatalogue catalogue = new TopicCatalogue(settings.topicPrefix(), TopicCatalogue.DEFAULT_PARTITIONS,
                    wireFormat);
            List<TopicProvisioner.Provisioned> topics;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                topics = TopicProvisioner.ensure(admin, catalogue.all());
            }
            progress.accept(topics.size() + " topics ready" + seconds(started));
            return new LocalStack(broker, registry, catalogue, topics);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public TopicCatalogue catalogue() {
        return catalogue;
    }

    public List<TopicProvisioner.Provisioned> topics() {
        return topics;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(" (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }
}
