package io.encore.profile.value;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import io.encore.schemas.avro.ValueGroup;

/**
 * Approximate distribution of the <em>current</em> values of a whole population (one value per guest), so a
 * guest's value quintile can be found in bounded memory while values keep changing: when a guest's value changes
 * the caller removes the old value and adds the new one.
 *
 * <p>Built like DDSketch (Masson, Rim and Lee, VLDB 2019): with {@code γ = (1 + α) / (1 − α)} a positive value
 * {@code v} is counted in bucket {@code i = ⌈log_γ v⌉}, which covers {@code (γ^(i−1), γ^i]}; values {@code ≤ 0} go
 * to a separate zero bucket. <b>Accuracy guarantee:</b> {@link #quantile(double)} returns {@code 2γ^i / (γ + 1)}
 * for the bucket holding the exact quantile {@code x}, which is within relative error {@code α} of it:
 * {@code |quantile(q) − x| ≤ α·x}, where {@code x} is the value of rank {@code ⌊q·(n − 1)⌋} (0-based) among the
 * {@code n} counted values, and 0 when that value is {@code ≤ 0}. The guarantee holds for any distribution and
 * survives any sequence of adds, merges and removes of values that were added, because counts are exact and only
 * values are bucketed.
 *
 * <p><b>Bounded.</b> The number of buckets depends only on the range of values, not on the population:
 * about {@code ln(max / min) / ln γ}, fewer than 2,200 buckets over all positive {@code long}s with α = 0.01
 * (indexes 0 to 2,184). Logarithms use {@link StrictMath} so every instance puts a value in the same bucket.
 */
public final class ValueHistogram {

    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

    private static final ValueGroup[] QUINTILES = {
        ValueGroup.A, ValueGroup.B, ValueGroup.C, ValueGroup.D, ValueGroup.E,
    };

    private final double relativeAccuracy;
    private final double gamma;
    private final double logGamma;
    private final NavigableMap<Integer, Long> buckets = new TreeMap<>();
    private long zeroCount;
    private long positiveCount;

    /** An empty histogram with relative accuracy {@value #DEFAULT_RELATIVE_ACCURACY}. */
    public ValueHistogram() {
        this(DEFAULT_RELATIVE_ACCURACY);
    }

    public ValueHistogram(double relativeAccuracy) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("relative accuracy must be in (0, 1), got " + relativeAccuracy);
        }
        this.relativeAccuracy = relativeAccuracy;
        this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.logGamma = StrictMath.log1p(2 * relativeAccuracy / (1 - relativeAccuracy));
    }

    /**
     * Rebuilds a histogram from its state (as returned by the accessors of the same names).
     *
     * @param buckets bucket index to count; indexes from {@code 0} (the bucket of value 1) up to that of
     *                {@link Long#MAX_VALUE}, counts at least 0 (zero counts are dropped)
     */
    public static ValueHistogram of(double relativeAccuracy, long zeroCount, Map<Integer, Long> buckets) {
        ValueHistogram histogram = new ValueHistogram(relativeAccuracy);
        if (zeroCount < 0) {
            throw new IllegalArgumentException("zeroCount must not be negative, got " + zeroCount);
        }
        int maxIndex = histogram.indexOf(Long.MAX_VALUE);
        buckets.forEach((index, count) -> {
            if (index == null || count == null || index < 0 || index > maxIndex || count < 0) {
                throw new IllegalArgumentException("bucket " + index + " -> " + count + " is not a valid bucket for "
                        + "relative accuracy " + relativeAccuracy);
            }
            histogram.addToBucket(index, count);
        });
        histogram.zeroCount = zeroCount;
        return histogram;
    }

    public void add(long value) {
        if (value <= 0) {
            zeroCount++;
        } else {
            addToBucket(indexOf(value), 1);
        }
    }

    /**
     * Takes one occurrence of {@code value} (or of a value in the same bucket) out of the population. Counts never
     * go below zero: removing what is not there changes nothing.
     *
     * @return whether a count was taken away
     */
    public boolean remove(long value) {
        if (value <= 0) {
            if (zeroCount == 0) {
                return false;
            }
            zeroCount--;
            return true;
        }
        int index = indexOf(value);
        Long count = buckets.get(index);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            buckets.remove(index);
        } else {
            buckets.put(index, count - 1);
        }
        positiveCount--;
        return true;
    }

    /** Adds the counts of {@code other} (another partition's population) to this one. */
    public void merge(ValueHistogram other) {
        if (Double.compare(other.relativeAccuracy, relativeAccuracy) != 0) {
            throw new IllegalArgumentException("cannot merge histograms of relative accuracy " + relativeAccuracy
                    + " and " + other.relativeAccuracy);
        }
        other.buckets.forEach(this::addToBucket);
        zeroCount = Math.addExact(zeroCount, other.zeroCount);
    }

    /** Values counted, including those {@code ≤ 0}. */
    public long count() {
        return Math.addExact(zeroCount, positiveCount);
    }

    /** Values counted that are {@code > 0}: the population value groups are ranked in. */
    public long positiveCount() {
        return positiveCount;
    }

    /**
     * The value of rank {@code ⌊q·(n − 1)⌋} among all counted values, within relative error α; values {@code ≤ 0}
     * are reported as 0.
     *
     * @throws NoSuchElementException when the histogram is empty
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        long n = count();
        if (n == 0) {
            throw new NoSuchElementException("no values counted");
        }
        long rank = (long) Math.floor(q * (n - 1));
        if (rank < zeroCount) {
            return 0.0;
        }
        long seen = zeroCount;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            seen += bucket.getValue();
            if (seen > rank) {
                return representative(bucket.getKey());
            }
        }
        return representative(buckets.lastKey()); // unreachable: the counts add up to n
    }

    /**
     * The value group {@code value} would have in the population: ranked among the positive values only, by how
     * many are worth more. With {@code above} the count of positive values in buckets above {@code value}'s bucket
     * and {@code P} the count of positive values, the group is quintile {@code min(4, ⌊5·above / P⌋)} of A…E: A when
     * fewer than 20 % are worth more, E when 80 % or more are. Values {@code ≤ 0} (no spend) are always E.
     *
     * <p>Edge cases, chosen so the rule stays one formula: values in the same bucket (within 2α of each other)
     * share a group, the best their bucket earns; with fewer than five positive values the rule is rank-based (a value
     * with k values above it is quintile {@code ⌊5k / P⌋}: the top value is A, and of two guests the lower is C, not
     * E); a value
     * below every positive value is E; and with no positive value at all, a positive value has nobody to be
     * ranked against and is {@link ValueGroup#UNKNOWN} rather than A. The value need not be in the population;
     * when it is, the caller adds it before asking so the guest counts itself. Costs one pass over the buckets above the value.
     */
    public ValueGroup groupOf(long value) {
        if (value <= 0) {
            return ValueGroup.E;
        }
        if (positiveCount == 0) {
            return ValueGroup.UNKNOWN;
        }
        long above = 0;
        for (long count : buckets.tailMap(indexOf(value), false).values()) {
            above += count;
        }
        return QUINTILES[(int) Math.min(4, above * 5 / positiveCount)];
    }

    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    /** Count of values {@code ≤ 0}. */
    public long zeroCount() {
        return zeroCount;
    }

    /** Bucket index to count of the positive values, ascending, without empty buckets (an unmodifiable copy). */
    public Map<Integer, Long> buckets() {
        return Collections.unmodifiableMap(new TreeMap<>(buckets));
    }

    /** The bucket of a positive value: {@code ⌈log_γ value⌉}. */
    int indexOf(long value) {
        return (int) Math.ceil(StrictMath.log(value) / logGamma);
    }

    private double representative(int index) {
        return 2 * StrictMath.exp(index * logGamma) / (1 + gamma);
    }

    private void addToBucket(int index, long count) {
        if (count > 0) {
            buckets.merge(index, count, Math::addExact);
            positiveCount = Math.addExact(positiveCount, count);
        }
    }
}
