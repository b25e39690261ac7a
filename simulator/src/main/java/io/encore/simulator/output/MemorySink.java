package io.encore.simulator.output;

import java.util.ArrayList;
import java.util.List;

/** Keeps every record in memory, in order: for tests and for evaluations that read the stream back. */
public final class MemorySink implements EventSink {

    private final List<SimRecord> records = new ArrayList<>();

    @Override
    public synchronized void accept(SimRecord record) {
        records.add(record);
    }

    /** A copy of the records so far. */
    public synchronized List<SimRecord> records() {
        return List.copyOf(records);
    }

    /** The values written to one topic, in order. */
    public synchronized <V> List<V> values(OutputTopic topic, Class<V> type) {
        return records.stream().filter(r -> r.topic() == topic).map(r -> type.cast(r.value())).toList();
    }

    @Override
    public void flush() {
        // Nothing is buffered.
    }

    @Override
    public void close() {
        // Nothing to release; the records stay readable.
    }
}
