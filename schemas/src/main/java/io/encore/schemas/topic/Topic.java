package io.encore.schemas.topic;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic as a typed descriptor: its full name (prefix applied), the serdes of its keys and values, and how
 * it is created. Code that reads or writes a topic takes one of these, never a bare string, so a key or
 * value type mismatch is a compile error.
 *
 * @param logicalName   the name without prefix, as in docs/topics.md (for example {@code click-events})
 * @param name          the name on the broker
 * @param partitions    partition count at creation; topics keyed by guest share one count to co-partition
 * @param configs       topic configs at creation, {@code cleanup.policy} included
 */
public record Topic<K, V>(String logicalName, String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          CleanupPolicy cleanupPolicy, Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }
}
