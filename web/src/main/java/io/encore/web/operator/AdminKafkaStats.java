package io.encore.web.operator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@link KafkaStats} from the admin API: end offsets by {@code ListOffsets} (latest), lag as those minus each
 * group's committed offsets. Partition lists are described once and refreshed every 30 s, so a sample costs
 * one {@code ListOffsets} round trip plus one {@code OffsetFetch} per group.
 */
public final class AdminKafkaStats implements KafkaStats, AutoCloseable {

    private static final long DESCRIBE_EVERY_MILLIS = 30_000;

    private final Admin admin;
    private final Duration timeout;
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();
    private volatile long describedAt;

    public AdminKafkaStats(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public Map<String, Long> endOffsets(Collection<String> topics) {
        describe(topics);
        List<TopicPartition> all = new ArrayList<>();
        topics.forEach(topic -> all.addAll(partitions.getOrDefault(topic, List.of())));
        Map<TopicPartition, Long> ends = latest(all);
        Map<String, Long> sums = new TreeMap<>();
        ends.forEach((partition, end) -> sums.merge(partition.topic(), end, Long::sum));
        return sums;
    }

    @Override
    public Map<String, Map<String, Long>> lag(Collection<String> groups) {
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, Long> offsets = committed(group);
            if (!offsets.isEmpty()) {
                committed.put(group, offsets);
            }
        }
        List<TopicPartition> all = committed.values().stream().flatMap(o -> o.keySet().stream()).distinct().toList();
        Map<TopicPartition, Long> ends = latest(all);
        Map<String, Map<String, Long>> lag = new TreeMap<>();
        committed.forEach((group, offsets) -> {
            Map<String, Long> byTopic = new TreeMap<>();
            offsets.forEach((partition, offset) -> {
                Long end = ends.get(partition);
                if (end != null) {
                    byTopic.merge(partition.topic(), Math.max(0, end - offset), Long::sum);
                }
            });
            lag.put(group, byTopic);
        });
        return lag;
    }

    private void describe(Collection<String> topics) {
        boolean stale = System.currentTimeMillis() - describedAt > DESCRIBE_EVERY_MILLIS;
        List<String> wanted = topics.stream().filter(topic -> stale || !partitions.containsKey(topic)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(wanted).topicNameValues();
        described.forEach((topic, future) -> {
            try {
                TopicDescription description = await(future);
                partitions.put(topic, description.partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    partitions.remove(topic);
                } else {
                    throw new IllegalStateException("Cannot describe topic " + topic + ": " + e.getCause(), e);
                }
            }
        });
        if (stale) {
            describedAt = System.currentTimeMillis();
        }
    }

    private Map<TopicPartition, Long> latest(List<TopicPartition> all) {
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        all.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = await(admin.listOffsets(request).all());
            Map<TopicPartition, Long> ends = new HashMap<>();
            infos.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list end offsets: " + e.getCause(), e);
        }
    }

    private Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            return committed;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot fetch the committed offsets of group " + group + ": " + e.getCause(), e);
        }
    }

    private <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the cluster", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cluster did not answer within " + timeout.toMillis() + " ms", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
