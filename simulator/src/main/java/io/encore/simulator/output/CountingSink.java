package io.encore.simulator.output;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts records per topic on their way to another sink; the counts can be read from any thread. */
public final class CountingSink implements EventSink {

    private final EventSink delegate;
    private final AtomicLongArray counts = new AtomicLongArray(OutputTopic.values().length);

    public CountingSink(EventSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void accept(SimRecord record) {
        delegate.accept(record);
        counts.incrementAndGet(record.topic().ordinal());
    }

    public long count(OutputTopic topic) {
        return counts.get(topic.ordinal());
    }

    /** Records per topic so far, topics with none included. */
    public Map<OutputTopic, Long> counts() {
        Map<OutputTopic, Long> snapshot = new EnumMap<>(OutputTopic.class);
        for (OutputTopic topic : OutputTopic.values()) {
            snapshot.put(topic, counts.get(topic.ordinal()));
        }
        return snapshot;
    }

    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
