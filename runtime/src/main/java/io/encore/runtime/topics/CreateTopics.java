package io.encore.runtime.topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.runtime.config.EncoreConfig;
import io.encore.schemas.topic.Topic;

/**
 * Creates Encore's shared topics (the catalogue of docs/topics.md) on a cluster that keeps topic auto-creation off:
 * the one-shot step before the apps start in {@code docker-compose.yml}. Missing topics are created with the
 * catalogue's partitions and configs; an existing topic is left as it is, but one whose partition count differs
 * from the catalogue's fails the run, because co-partitioned joins would then silently miss state.
 *
 * <p>Usage: {@code CreateTopics [config.properties]}; settings as every app reads them ({@code KAFKA_*},
 * {@code ENCORE_TOPIC_PREFIX}, {@code ENCORE_TOPIC_PARTITIONS}), plus {@code encore.topic.replication.factor}.
 * Exit code 0 when every topic exists as the catalogue describes it, 1 otherwise.
 */
public final class CreateTopics {

    public static final String REPLICATION_FACTOR_CONFIG = "encore.topic.replication.factor";
    private static final short BROKER_DEFAULT = -1;

    private static final Logger LOG = LoggerFactory.getLogger(CreateTopics.class);

    /** What became of one topic. */
    public record Outcome(String name, int partitions, boolean created) {
    }

    /** The two broker operations used, so the decisions can be tested without a broker. */
    interface Cluster {

        /** Partition counts of the given topics that exist. */
        Map<String, Integer> partitions(Collection<String> names) throws InterruptedException;

        /** Creates the topics; one that another process created meanwhile is not an error. */
        void create(List<NewTopic> topics) throws InterruptedException;
    }

    private CreateTopics() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        Map<String, Object> settings = EncoreConfig.merge(file, System.getenv(), Map.of());
        int exitCode;
        try {
            run(settings);
            exitCode = 0;
        } catch (ConfigException | IllegalStateException e) {
            LOG.error("Topics not ready: {}", e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Creates the missing topics the settings describe and checks the others; throws naming a topic that is wrong. */
    public static List<Outcome> run(Map<String, Object> settings) {
        EncoreConfig encore = new EncoreConfig(settings);
        short replication = replicationFactor(settings);
        List<Topic<String, ?>> topics = encore.topicCatalogue().all();
        try (Admin admin = Admin.create(adminProperties(encore))) {
            List<Outcome> outcomes = ensure(new AdminCluster(admin), topics, replication);
            outcomes.forEach(o -> LOG.info("{}: {} partitions, {}", o.name(), o.partitions(),
                    o.created() ? "created" : "already there"));
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    static List<Outcome> ensure(Cluster cluster, List<Topic<String, ?>> topics, short replication)
            throws InterruptedException {
        List<String> names = topics.stream().map(Topic::name).toList();
        Map<String, Integer> existing = cluster.partitions(names);
        List<NewTopic> missing = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Topic<String, ?> topic : topics) {
            Integer partitions = existing.get(topic.name());
            if (partitions == null) {
                Optional<Short> factor = replication == BROKER_DEFAULT ? Optional.empty() : Optional.of(replication);
                missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), factor).configs(topic.configs()));
                outcomes.add(new Outcome(topic.name(), topic.partitions(), true));
            } else if (partitions != topic.partitions()) {
                throw new IllegalStateException(topic.name() + " has " + partitions + " partitions but Encore needs "
                        + topic.partitions() + " (encore.topic.partitions, equal for co-partitioned topics); recreate it "
                        + "and replay, see docs/operations.md");
            } else {
                outcomes.add(new Outcome(topic.name(), partitions, false));
            }
        }
        if (!missing.isEmpty()) {
            cluster.create(missing);
        }
        return outcomes;
    }

    private static short replicationFactor(Map<String, Object> settings) {
        ConfigDef definition = new ConfigDef().define(REPLICATION_FACTOR_CONFIG, Type.SHORT, BROKER_DEFAULT,
                (name, value) -> {
                    if (value != null && (short) value != BROKER_DEFAULT && (short) value < 1) {
                        throw new ConfigException(name, value, "a replication factor is at least 1 (-1: the broker's default)");
                    }
                }, Importance.MEDIUM, "Replication factor of the topics created; -1 takes the broker's "
                        + "default.replication.factor.");
        return new AbstractConfig(definition, settings, false).getShort(REPLICATION_FACTOR_CONFIG);
    }

    /** The admin client's share of the settings: brokers and any client security setting. */
    private static Properties adminProperties(EncoreConfig encore) {
        Properties properties = new Properties();
        encore.originals().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, encore.bootstrapServers());
        return properties;
    }

    private record AdminCluster(Admin admin) implements Cluster {

        @Override
        public Map<String, Integer> partitions(Collection<String> names) throws InterruptedException {
            try {
                Set<String> existing = admin.listTopics().names().get();
                List<String> present = names.stream().filter(existing::contains).toList();
                Map<String, Integer> partitions = new HashMap<>();
                admin.describeTopics(present).allTopicNames().get()
                        .forEach((name, description) -> partitions.put(name, description.partitions().size()));
                return partitions;
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public void create(List<NewTopic> topics) throws InterruptedException {
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
                }
                // another process created one between listing and creating: what we wanted
            }
        }
    }
}
