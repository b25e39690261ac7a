package io.encore.runtime.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.topic.CleanupPolicy;

/**
 * Creates an app's private topics before its topology starts, as Kafka Streams does for its internal ones,
 * and checks that each topic that must be co-partitioned with another has that topic's partition count.
 * Kafka Streams does not check topics it did not create: with a different count, a key's records reach a
 * task that does not hold its state, silently.
 */
public final class PrivateTopics {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateTopics.class);
    private static final int METADATA_ATTEMPTS = 100;
    private static final Duration METADATA_PAUSE = Duration.ofMillis(100);

    private PrivateTopics() {
    }

    /**
     * One private topic.
     *
     * @param name          the full topic name (prefix included)
     * @param partitions    how many partitions it must have
     * @param cleanupPolicy delete or compact
     * @param retention     {@code retention.ms} of a delete topic; null for the broker default (and always for
     *                      a compacted topic)
     */
    public record Spec(String name, Partitions partitions, CleanupPolicy cleanupPolicy, Duration retention) {

        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitions, "partitions");
            Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a private topic needs a name");
            }
            if (retention != null && (cleanupPolicy != CleanupPolicy.DELETE || retention.isNegative() || retention.isZero())) {
                throw new IllegalArgumentException("retention of " + name + " must be positive and needs the delete "
                        + "policy, got " + retention + " with " + cleanupPolicy);
            }
        }

        /** A delete topic whose records are kept for {@code retention}. */
        public static Spec deleted(String name, Partitions partitions, Duration retention) {
            return new Spec(name, partitions, CleanupPolicy.DELETE, Objects.requireNonNull(retention, "retention"));
        }

        /** A compacted topic: the latest record per key is kept. */
        public static Spec compacted(String name, Partitions partitions) {
            return new Spec(name, partitions, CleanupPolicy.COMPACT, null);
        }

        /** The topic configs it is created with. */
        public Map<String, String> configs() {
            Map<String, String> configs = new HashMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
            if (retention != null) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
            }
            return Map.copyOf(configs);
        }
    }

    /** A fixed partition count, or that of another topic (co-partitioning). */
    public sealed interface Partitions {

        static Partitions exactly(int count) {
            return new Exactly(count);
        }

        /** As many as {@code topic} has; {@code whenMissing} (the count it will be created with) if it does not exist. */
        static Partitions sameAs(String topic, int whenMissing) {
            return new SameAs(topic, whenMissing);
        }

        record Exactly(int count) implements Partitions {

            public Exactly {
                if (count < 1) {
                    throw new IllegalArgumentException("a topic needs at least one partition, got " + count);
                }
            }
        }

        record SameAs(String topic, int whenMissing) implements Partitions {

            public SameAs {
                Objects.requireNonNull(topic, "topic");
                if (whenMissing < 1) {
                    throw new IllegalArgumentException("a topic needs at least one partition, got " + whenMissing);
                }
            }
        }
    }

    /**
     * Creates the missing topics of {@code specs}, waits until they are visible and checks co-partitioning.
     *
     * @param clientProperties the app's client properties; only the admin client's are used
     * @param owner            the app's name, for messages ("delete it while {@code owner} is stopped")
     * @throws IllegalStateException naming the topic when one cannot be created or has the wrong partition count
     */
    public static void ensure(Properties clientProperties, String owner, List<Spec> specs) {
        Properties adminProperties = new Properties();
        clientProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key.toString())) {
                adminProperties.put(key, value);
            }
        });
        try (Admin admin = Admin.create(adminProperties)) {
            ensure(new AdminTopics(admin), owner, specs, METADATA_ATTEMPTS, METADATA_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + owner + "'s private topics", e);
        }
    }

    static void ensure(TopicAdmin admin, String owner, List<Spec> specs, int attempts, Duration pause)
            throws InterruptedException {
        List<Integer> wanted = new ArrayList<>();
        for (Spec spec : specs) {
            int partitions = resolve(admin, spec.partitions());
            wanted.add(partitions);
            NewTopic topic = new NewTopic(spec.name(), Optional.of(partitions), Optional.empty()).configs(spec.configs());
            if (admin.create(topic)) {
                LOG.info("Created {} with {} partitions", spec.name(), partitions);
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            if (spec.partitions() instanceof Partitions.SameAs sameAs) {
                checkCoPartitioned(admin, owner, spec.name(), sameAs.topic(), wanted.get(i), attempts, pause);
            }
        }
    }

    private static int resolve(TopicAdmin admin, Partitions partitions) throws InterruptedException {
        if (partitions instanceof Partitions.SameAs sameAs) {
            return admin.partitions(sameAs.topic()).orElse(sameAs.whenMissing());
        }
        return ((Partitions.Exactly) partitions).count();
    }

    private static void checkCoPartitioned(TopicAdmin admin, String owner, String topic, String reference,
                                           int partitions, int attempts, Duration pause) throws InterruptedException {
        Optional<Integer> described = admin.partitions(topic);
        for (int attempt = 1; described.isEmpty() && attempt < attempts; attempt++) {
            Thread.sleep(pause.toMillis()); // a topic just created takes a moment to appear in every broker's metadata
            described = admin.partitions(topic);
        }
        int actual = described.orElseThrow(() -> new IllegalStateException(topic + " is missing after creation"));
        if (actual != partitions) {
            throw new IllegalStateException(topic + " has " + actual + " partitions but must have " + partitions
                    + ", as many as " + reference + " (they are co-partitioned); delete " + topic + " while " + owner
                    + " is stopped to recreate it");
        }
    }

    /** The two admin operations used, so the decisions can be tested without a broker. */
    interface TopicAdmin {

        /** The topic's partition count; empty when it does not exist (yet). */
        Optional<Integer> partitions(String topic) throws InterruptedException;

        /** Creates the topic; false when it already existed. */
        boolean create(NewTopic topic) throws InterruptedException;
    }

    private record AdminTopics(Admin admin) implements TopicAdmin {

        @Override
        public Optional<Integer> partitions(String topic) throws InterruptedException {
            try {
                return Optional.of(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                        .partitions().size());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return Optional.empty();
                }
                throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause().getMessage(), e);
            }
        }

        @Override
        public boolean create(NewTopic topic) throws InterruptedException {
            try {
                admin.createTopics(List.of(topic)).all().get();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                throw new IllegalStateException("cannot create " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        }
    }
}
