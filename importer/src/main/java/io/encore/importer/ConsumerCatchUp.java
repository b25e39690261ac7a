package io.encore.importer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
 * Waits until every consumer group that reads the given topics has committed up to their end. History is fed
 * in stretches of event time with this wait between them (the importer, the simulator's history), and live
 * events wait for it after history: profile-stream rejects events older than 30 days of its stream time, and
 * Kafka Streams may read one input topic ahead of another, so nothing far older than what it has read may
 * still be on its way.
 */
public final class ConsumerCatchUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Admin admin;
    private final List<String> topics;

    /** @param clientSettings Kafka client settings: bootstrap servers and any security settings */
    public ConsumerCatchUp(Map<String, Object> clientSettings, Collection<String> topics) {
        this.admin = Admin.create(new HashMap<>(clientSettings));
        this.topics = List.copyOf(topics);
    }

    /** True when all readers caught up (or nobody reads the topics) within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long lag = lag(admin, topics);
                if (lag == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("Consumers of {} are still {} records behind after {}; going on", topics, lag, timeout);
                    return false;
                }
                LOG.debug("Waiting for the consumers of the history: {} records behind", lag);
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read consumer lag: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    /**
     * Records not yet committed by the groups that read the topics now, summed over the topics each such group
     * reads (is assigned, or has committed offsets on); 0 when no group reads them. Only groups with members
     * count: a group nobody runs any more (a closed console consumer, an app taken down) would never catch up.
     */
    static long lag(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (GroupListing group : admin.listGroups().all().get()) {
            Optional<Set<String>> assigned = assigned(admin, group.groupId());
            if (assigned.isEmpty()) {
                continue;
            }
            Set<String> read = assigned.get();
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group.groupId());
            committed.keySet().forEach(p -> read.add(p.topic()));
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                if (read.contains(end.getKey().topic())) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
            }
        }
        return lag;
    }

    /**
     * Topics the group's members are assigned now (a group that has not committed yet still reads them); empty
     * when the group has no members or is not a consumer group.
     */
    private static Optional<Set<String>> assigned(Admin admin, String group) throws InterruptedException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            if (description.members().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .map(TopicPartition::topic).collect(Collectors.toCollection(HashSet::new)));
        } catch (ExecutionException e) {
            LOG.debug("Cannot describe group {}: {}", group, e.getCause().toString());
            return Optional.empty();
        }
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
