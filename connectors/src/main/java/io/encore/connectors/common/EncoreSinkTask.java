package io.encore.connectors.common;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * What Encore's sink tasks share: offsets are committed only for records the task has handled (delivered,
 * deliberately skipped, or reported as errant), kept in {@link #handled}, and forgotten for partitions the
 * task gives up; the version is the module's.
 */
public abstract class EncoreSinkTask extends SinkTask {

    /** The records handled so far; a task marks each one when it is delivered, skipped or reported. */
    protected final HandledOffsets handled = new HandledOffsets();

    @Override
    public final String version() {
        return ModuleVersion.get();
    }

    /** Only offsets of records handled, for partitions still assigned. */
    @Override
    public final Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return handled.committable(currentOffsets);
    }

    /** Another task may own these partitions next; it starts from the committed offsets. */
    @Override
    public final void close(Collection<TopicPartition> partitions) {
        handled.forget(partitions);
    }
}
