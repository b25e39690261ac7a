package io.encore.connectors.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The offsets a sink task may let the worker commit: per partition, the offset after the last record really
 * handled (delivered, deliberately skipped, or reported as errant). {@code preCommit} answers from here, so a
 * crash or a handed-back batch redelivers exactly what was not handled; {@link #handled} lets a task skip
 * what it already handled in a batch the worker redelivers.
 */
public final class HandledOffsets {

    private final Map<TopicPartition, Long> next = new HashMap<>();

    public void markHandled(SinkRecord record) {
        next.merge(partition(record), record.originalKafkaOffset() + 1, Math::max);
    }

    public boolean handled(SinkRecord record) {
        Long after = next.get(partition(record));
        return after != null && record.originalKafkaOffset() < after;
    }

    /** The committable offsets of the partitions the worker asks about. */
    public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        for (TopicPartition partition : currentOffsets.keySet()) {
            Long after = next.get(partition);
            if (after != null) {
                committable.put(partition, new OffsetAndMetadata(after));
            }
        }
        return committable;
    }

    /** Partitions revoked from the task: what it handled there is the worker's business now. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    private static TopicPartition partition(SinkRecord record) {
        // the record as consumed: a transformation may rename the topic, the commit is for the source
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
}
