package io.encore.web.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.topic.Topic;

/**
 * Reads topics into the app's memory on one thread: the compacted ones (catalogue, profiles, contacts) from
 * the beginning, the event topics the charts count from the end. Partitions are assigned, not subscribed, and
 * nothing is committed: a viewer must not take part in any group or move any offset. A value that cannot be
 * decoded is counted and skipped, never retried forever; a topic that does not exist yet is looked for again
 * every few seconds.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long LOOK_FOR_TOPICS_MILLIS = 3_000;

    /** Where reading a topic starts. */
    public enum Start { BEGINNING, END }

    /** Receives one decoded record; {@code value} null for a tombstone. */
    @FunctionalInterface
    public interface Handler<V> {
        void accept(String key, V value, long timestamp);
    }

    private record Follow<V>(Topic<String, V> topic, Start start, Handler<V> handler) {

        void deliver(ConsumerRecord<byte[], byte[]> record) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            handler.accept(key, value, record.timestamp());
        }
    }

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Map<String, Follow<?>> follows = new HashMap<>();
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> undecodable = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private Consumer<byte[], byte[]> consumer;
    private Thread thread;

    /** @param consumers makes the consumer at {@link #start()}; only the follower's thread uses it after */
    public TopicFollower(Supplier<Consumer<byte[], byte[]>> consumers) {
        this.consumers = consumers;
    }

    public <V> TopicFollower follow(Topic<String, V> topic, Start start, Handler<V> handler) {
        if (thread != null) {
            throw new IllegalStateException("Follow topics before start()");
        }
        follows.put(topic.name(), new Follow<>(topic, start, handler));
        return this;
    }

    public synchronized TopicFollower start() {
        running = true;
        consumer = consumers.get();
        thread = new Thread(this::run, "encore-web-follower");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Whether every followed topic exists and was read up to its end as of assignment. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Topics being read now (those that exist). */
    public Set<String> assignedTopics() {
        return Set.copyOf(assigned);
    }

    public long recordsRead() {
        return records.get();
    }

    /** Topic → values that could not be decoded and were skipped. */
    public Map<String, Long> undecodable() {
        Map<String, Long> counts = new HashMap<>();
        undecodable.forEach((topic, count) -> counts.put(topic, count.get()));
        return counts;
    }

    private void run() {
        Map<TopicPartition, Long> catchUpTo = new HashMap<>();
        long lookedAt = 0;
        try {
            while (running) {
                if (assigned.size() < follows.size() && System.currentTimeMillis() - lookedAt > LOOK_FOR_TOPICS_MILLIS) {
                    catchUpTo.putAll(assignNewTopics());
                    lookedAt = System.currentTimeMillis();
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    handle(record);
                }
                catchUpTo.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
                caughtUp = catchUpTo.isEmpty() && assigned.size() == follows.size();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Stopped following topics {}: the web app's data stops here", follows.keySet(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    /** Assigns the partitions of topics that exist now; returns the end offsets to reach for "caught up". */
    private Map<TopicPartition, Long> assignNewTopics() {
        List<TopicPartition> fresh = new ArrayList<>();
        Set<TopicPartition> fromEnd = new HashSet<>();
        for (Follow<?> follow : follows.values()) {
            String name = follow.topic().name();
            if (assigned.contains(name)) {
                continue;
            }
            List<PartitionInfo> partitions = consumer.partitionsFor(name, Duration.ofSeconds(2));
            if (partitions == null || partitions.isEmpty()) {
                LOG.debug("Topic {} does not exist yet; looking again shortly", name);
                continue;
            }
            for (PartitionInfo partition : partitions) {
                TopicPartition tp = new TopicPartition(name, partition.partition());
                fresh.add(tp);
                if (follow.start() == Start.END) {
                    fromEnd.add(tp);
                }
            }
            assigned.add(name);
        }
        if (fresh.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> all = new ArrayList<>(consumer.assignment());
        all.addAll(fresh);
        consumer.assign(all);
        List<TopicPartition> fromBeginning = fresh.stream().filter(tp -> !fromEnd.contains(tp)).toList();
        consumer.seekToBeginning(fromBeginning);
        consumer.seekToEnd(fromEnd);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(fromBeginning));
        LOG.info("Following {} partitions of {}", fresh.size(), fresh.stream().map(TopicPartition::topic).distinct().toList());
        return ends;
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        records.incrementAndGet();
        Follow<?> follow = follows.get(record.topic());
        try {
            follow.deliver(record);
        } catch (SerializationException e) {
            long count = undecodable.computeIfAbsent(record.topic(), t -> new AtomicLong()).incrementAndGet();
            if (Long.bitCount(count) == 1) { // 1st, 2nd, 4th, 8th…: visible, never a flood
                LOG.warn("Skipped an undecodable record of {} at partition {} offset {} ({} so far): {}",
                        record.topic(), record.partition(), record.offset(), count, e.getMessage());
            }
        } catch (RuntimeException e) {
            // A record this app cannot use must not stop it reading every later one: the page shows the rest.
            long count = failed.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.error("Could not apply the record of {} at partition {} offset {} ({} so far)", record.topic(),
                        record.partition(), record.offset(), count, e);
            }
        }
    }

    @Override
    public void close() {
        Thread reader;
        synchronized (this) {
            running = false;
            reader = thread;
        }
        if (reader == null) {
            return;
        }
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
