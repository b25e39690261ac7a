package io.encore.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.encore.schemas.topic.Topic;

/**
 * Creates the catalogue's topics that are missing, each with its partitions and configs; existing topics
 * are left as they are (changing partitions would move keys between partitions and break co-partitioning).
 */
public final class TopicProvisioner {

    /** A topic as it stands on the broker after provisioning. */
    public record Provisioned(String name, int partitions, String cleanupPolicy, boolean created) {
    }

    private static final int METADATA_ATTEMPTS = 100;
    private static final long METADATA_PAUSE_MS = 100;

    private TopicProvisioner() {
    }

    public static List<Provisioned> ensure(Admin admin, Collection<? extends Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
                }
            }
            createAll(admin, missing);
            List<String> names = topics.stream().map(Topic::name).toList();
            Map<String, TopicDescription> described = describeWhenVisible(admin, names);
            List<Provisioned> result = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                boolean created = missing.stream().anyMatch(t -> t.name().equals(topic.name()));
                result.add(new Provisioned(topic.name(), described.get(topic.name()).partitions().size(),
                        topic.cleanupPolicy().configValue(), created));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Describes the topics, waiting while a topic just created is not yet in the metadata the broker answers
     * from (KRaft propagates it a moment after {@code createTopics} returns).
     */
    static Map<String, TopicDescription> describeWhenVisible(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt >= METADATA_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(METADATA_PAUSE_MS);
            }
        }
    }

    private static void createAll(Admin admin, List<NewTopic> missing) throws InterruptedException, ExecutionException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // another process created one between list and create: what we wanted
        }
    }
}
