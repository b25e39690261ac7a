package io.encore.scoring.signals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.model.Signals;

/**
 * The models' view of the shared signals in the global store, decayed to the reader's clock. Velocity is
 * reported in purchases per day: a decayed count C with half-life H days is a rate of about C·ln 2 / H.
 */
public final class SignalsView implements Signals.CoAttendance, Signals.Trending, Signals.TwinPurchases {

    /**
     * Concert and bucket signals are read for every concert of every re-scored guest; from RocksDB that would be
     * thousands of reads and decodes per guest. They are cached for this long (sales move slowly; the decay is
     * still applied at the reader's clock); bandit posteriors are always read fresh.
     */
    static final long CACHE_MILLIS = 5_000;

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<SharedSignal>> store;
    private final TasteBuckets buckets;
    private final LongSupplier clock;
    private final Map<String, Optional<SharedSignal>> cache = new HashMap<>();
    /**
     * Concert signals by concert id. Trending asks twice per concert of every re-scored guest; keyed by the id the
     * catalogue snapshot already holds (its hash cached in the string), a lookup builds no {@code c:} key and hashes
     * nothing new.
     */
    private final Map<String, Optional<SharedSignal>> concerts = new HashMap<>();
    private long cachedAt = Long.MIN_VALUE;

    public SignalsView(ReadOnlyKeyValueStore<String, ValueAndTimestamp<SharedSignal>> store, TasteBuckets buckets,
                       LongSupplier clock) {
        this.store = store;
        this.buckets = buckets;
        this.clock = clock;
    }

    @Override
    public Map<String, Float> neighbours(String concertId) {
        SharedSignal signal = concert(concertId);
        return signal == null ? Map.of() : decayed(signal.getNeighbours(), signal, Decay.CO_PURCHASE.toMillis());
    }

    @Override
    public float overall(String concertId) {
        SharedSignal signal = concert(concertId);
        return signal == null ? 0f : rate(signal.getVelocity(), signal);
    }

    @Override
    public float inGroup(String behaviourGroup, String concertId) {
        SharedSignal signal = concert(concertId);
        Double count = signal == null ? null : signal.getGroupVelocity().get(behaviourGroup);
        return count == null ? 0f : rate(count, signal);
    }

    @Override
    public Map<String, Float> near(float[] taste) {
        int bucket = buckets.bucket(taste);
        if (bucket < 0) {
            return Map.of();
        }
        Map<String, Float> purchases = new HashMap<>();
        int[] around = buckets.withNeighbours(bucket);
        for (int i = 0; i < around.length; i++) {
            SharedSignal signal = get(TasteBuckets.key(around[i]));
            if (signal != null) {
                float weight = i == 0 ? 1f : 0.25f; // the guest's own bucket counts most
                decayed(signal.getPurchases(), signal, Decay.TWINS.toMillis())
                        .forEach((concert, count) -> purchases.merge(concert, weight * count, Float::sum));
            }
        }
        return purchases;
    }

    /** The bandit posteriors of one context, or null before its first trial. */
    public SharedSignal bandit(String channel, String group) {
        return read(SignalKeys.bandit(channel, group));
    }

    private SharedSignal get(String key) {
        expire();
        return cache.computeIfAbsent(key, k -> Optional.ofNullable(read(k))).orElse(null);
    }

    private SharedSignal concert(String concertId) {
        expire();
        Optional<SharedSignal> known = concerts.get(concertId);
        if (known == null) {
            known = Optional.ofNullable(read(SignalKeys.concert(concertId)));
            concerts.put(concertId, known);
        }
        return known.orElse(null);
    }

    /** Both caches are dropped together once they are older than {@link #CACHE_MILLIS}. */
    private void expire() {
        long now = clock.getAsLong();
        if (now - cachedAt > CACHE_MILLIS || now < cachedAt) {
            cache.clear();
            concerts.clear();
            cachedAt = now;
        }
    }

    private SharedSignal read(String key) {
        ValueAndTimestamp<SharedSignal> value = store.get(key);
        return value == null ? null : value.value();
    }

    private float rate(double count, SharedSignal signal) {
        double decayed = count * Decay.factor(signal.getAnchorAt(), Math.max(signal.getAnchorAt(), clock.getAsLong()),
                Decay.TRENDING);
        return (float) (decayed * Math.log(2) / Decay.TRENDING.toDays());
    }

    private Map<String, Float> decayed(Map<String, Double> counts, SharedSignal signal, long halfLifeMillis) {
        double factor = Math.pow(2.0, -Math.max(0, clock.getAsLong() - signal.getAnchorAt()) / (double) halfLifeMillis);
        Map<String, Float> result = new HashMap<>();
        counts.forEach((key, count) -> result.put(key, (float) (count * factor)));
        return result;
    }
}
