package io.encore.web.operator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.encore.schemas.avro.RecommendationChange;

/**
 * Counts {@code recommendation-changes} records as they are consumed, by reason and by channel, so the sampler
 * can chart changes per second by what caused them. Counting consumed records (read committed) is exact,
 * unlike end-offset deltas, which also count exactly-once transaction markers.
 */
public final class ChangeCounter {

    private final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byChannel = new ConcurrentHashMap<>();

    public void record(RecommendationChange change) {
        if (change == null) {
            return;
        }
        byReason.computeIfAbsent(change.getReason().name(), r -> new AtomicLong()).incrementAndGet();
        byChannel.computeIfAbsent(change.getChannel().name(), c -> new AtomicLong()).incrementAndGet();
    }

    /** Reason → changes counted since start. */
    public Map<String, Long> byReason() {
        return snapshot(byReason);
    }

    /** Channel → changes counted since start. */
    public Map<String, Long> byChannel() {
        return snapshot(byChannel);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }
}
