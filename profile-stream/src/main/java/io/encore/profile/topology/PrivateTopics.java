package io.encore.profile.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.profile.config.ProfileSettings;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Creates profile-stream's two private topics before the topology starts, as Kafka Streams does for its
 * internal ones: {@code <application.id>-guest-commands} with exactly as many partitions as the input topics
 * (it must be co-partitioned with them), and {@code <application.id>-catalogue} with one.
 */
public final class PrivateTopics {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateTopics.class);
    private static final int METADATA_ATTEMPTS = 100;
    private static final String SEVEN_DAYS_MS = Long.toString(7L * 24 * 60 * 60 * 1000);

    private PrivateTopics() {
    }

    public static void ensure(Properties clientProperties, ProfileSettings settings, TopicCatalogue topics) {
        Properties adminProperties = new Properties();
        clientProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key.toString())) {
                adminProperties.put(key, value);
            }
        });
        try (Admin admin = Admin.create(adminProperties)) {
            int partitions = inputPartitions(admin, topics.clickEvents().name()).orElse(topics.clickEvents().partitions());
            List<NewTopic> wanted = new ArrayList<>();
            wanted.add(new NewTopic(settings.guestCommandsTopic(), Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)));
            wanted.add(new NewTopic(settings.catalogueTopic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            create(admin, wanted);
            checkCoPartitioned(admin, settings.guestCommandsTopic(), partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating profile-stream's private topics", e);
        }
    }

    private static Optional<Integer> inputPartitions(Admin admin, String topic) throws InterruptedException {
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            return Optional.of(description.partitions().size());
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException {
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get();
                LOG.info("Created {} with {} partitions", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + topic.name() + ": " + e.getCause().getMessage(), e);
                }
            }
        }
    }

    private static void checkCoPartitioned(Admin admin, String topic, int partitions) throws InterruptedException {
        Optional<Integer> described = inputPartitions(admin, topic);
        for (int attempt = 0; described.isEmpty() && attempt < METADATA_ATTEMPTS; attempt++) {
            Thread.sleep(100); // a topic just created takes a moment to appear in every broker's metadata
            described = inputPartitions(admin, topic);
        }
        int actual = described.orElseThrow(() -> new IllegalStateException(topic + " is missing after creation"));
        if (actual != partitions) {
            throw new IllegalStateException(topic + " has " + actual + " partitions but the input topics have "
                    + partitions + "; they must match (delete it while profile-stream is stopped to recreate it)");
        }
    }
}
