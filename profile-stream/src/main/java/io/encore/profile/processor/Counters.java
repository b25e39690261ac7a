package io.encore.profile.processor;

import org.apache.kafka.streams.state.KeyValueStore;

/** Counts kept in a store: a count that falls to zero is deleted, so the store holds only what exists. */
final class Counters {

    private Counters() {
    }

    static void add(KeyValueStore<String, Long> store, String key, long delta) {
        Long now = store.get(key);
        long next = (now == null ? 0 : now) + delta;
        if (next <= 0) {
            store.delete(key);
        } else {
            store.put(key, next);
        }
    }

    static long get(KeyValueStore<String, Long> store, String key) {
        Long count = store.get(key);
        return count == null ? 0 : count;
    }
}
