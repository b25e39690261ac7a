package io.encore.runtime.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Copies a compacted topic into a timestamped global store, record by record; a tombstone deletes. The
 * processor of {@code Topology.addGlobalStore} for state that every instance must hold in full.
 */
public final class GlobalStoreLoader<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private TimestampedKeyValueStore<String, V> store;

    public GlobalStoreLoader(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }
}
