package io.encore.simulator.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every consumer group that reads the given topics has committed up to their end. After writing
 * history, the live run waits for this: profile-stream rejects events older than 30 days of its stream time,
 * so live events (at the wall clock) must not reach it while it still works through the history.
 */
public final class ConsumerCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCatchUp.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private ConsumerCatchUp() {
    }

    /** True when all readers caught up (or nobody reads the topics) within {@code timeout}. */
    public static boolean await(KafkaSettings settings, Collection<String> topics, Duration timeout) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(settings.clientOverrides());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                long lag = lag(admin, topics);
                if (lag == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("Consumers of {} are still {} records behind after {}; going on", topics, lag, timeout);
                    return false;
                }
                LOG.info("Waiting for the consumers of the history: {} records behind", lag);
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read consumer lag: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Records not yet committed by the groups that read the topics, summed; 0 when no group reads them. */
    static long lag(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (GroupListing group : admin.listGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group.groupId());
            if (committed.keySet().stream().noneMatch(ends::containsKey)) {
                continue;
            }
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
            }
        }
        return lag;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            offsets.values().removeIf(Objects::isNull);
            return offsets;
        } catch (ExecutionException e) {
            // A group of another kind (share, streams) or one that vanished: not a reader to wait for.
            LOG.debug("Skipping group {}: {}", group, e.getCause().toString());
            return Map.of();
        }
    }
}
