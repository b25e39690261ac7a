package io.encore.profile.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.profile.avro.GuestState;
import io.encore.profile.avro.ValueHistogramState;
import io.encore.profile.value.Lifecycle;
import io.encore.profile.value.Rfm;
import io.encore.profile.value.RfmCalculator;
import io.encore.profile.value.ValueHistogram;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.ValueGroup;

/**
 * Keeps each guest's RFM(T) value group and lifecycle segment current, and the population statistics they
 * are judged against: two value histograms per task (current window, comparison window) holding the value of
 * every guest of the task who ever bought, and a count per (value group, segment).
 *
 * <p>Quantiles are per task: guests are spread over partitions by a hash of their id, so each partition's
 * distribution estimates the population's; {@code GET /segments} adds up the counts of all tasks.
 */
final class ValueTracker {

    static final String CURRENT = "current";
    static final String COMPARISON = "comparison";

    /** A change of segment or value group, for a segment-changes event. */
    record Transition(LifecycleSegment fromSegment, LifecycleSegment toSegment, ValueGroup fromGroup,
                      ValueGroup toGroup) {

        /** Every transition except a new visitor's first classification as a prospect. */
        boolean worthAnEvent() {
            return !(fromSegment == LifecycleSegment.UNKNOWN && toSegment == LifecycleSegment.PROSPECT);
        }
    }

    private final KeyValueStore<String, ValueHistogramState> histograms;
    private final KeyValueStore<String, Long> segmentCounts;
    private final RfmCalculator calculator;
    private final LedgerOps ledger;
    private ValueHistogram current;
    private ValueHistogram comparison;

    ValueTracker(KeyValueStore<String, ValueHistogramState> histograms, KeyValueStore<String, Long> segmentCounts,
                 RfmCalculator calculator, LedgerOps ledger) {
        this.histograms = histograms;
        this.segmentCounts = segmentCounts;
        this.calculator = calculator;
        this.ledger = ledger;
    }

    Rfm rfm(GuestState state) {
        long asOf = state.getRfmAsOf() == null ? lastKnown(state) : state.getRfmAsOf();
        return calculator.compute(ledger.read(state), state.getFirstSeenAt() == null ? asOf : state.getFirstSeenAt(),
                asOf);
    }

    /** Re-evaluates the guest as of {@code asOf} (never earlier than the last evaluation). */
    Optional<Transition> evaluate(GuestState state, long asOf) {
        long at = state.getRfmAsOf() == null ? asOf : Math.max(asOf, state.getRfmAsOf());
        state.setRfmAsOf(at);
        Rfm rfm = rfm(state);
        if (rfm.hasPurchased()) {
            state.setCurrentValueMinor(move(histogram(CURRENT), CURRENT, state.getCurrentValueMinor(),
                    rfm.monetaryCurrentMinor()));
            state.setComparisonValueMinor(move(histogram(COMPARISON), COMPARISON, state.getComparisonValueMinor(),
                    rfm.comparisonAnnualizedMinor()));
        }
        // A prospect has no value to rank: UNKNOWN, as the GuestProfile contract says.
        ValueGroup group = rfm.hasPurchased() ? histogram(CURRENT).groupOf(rfm.monetaryCurrentMinor()) : ValueGroup.UNKNOWN;
        ValueGroup comparisonGroup = rfm.hasPurchased()
                ? histogram(COMPARISON).groupOf(rfm.comparisonAnnualizedMinor()) : ValueGroup.UNKNOWN;
        LifecycleSegment segment = Lifecycle.classify(rfm, group, comparisonGroup);
        state.setComparisonGroup(comparisonGroup.name());
        LifecycleSegment fromSegment = LifecycleSegment.valueOf(state.getSegment());
        ValueGroup fromGroup = ValueGroup.valueOf(state.getValueGroup());
        if (fromSegment == segment && fromGroup == group) {
            return Optional.empty();
        }
        count(fromGroup, fromSegment, -1);
        count(group, segment, +1);
        state.setSegment(segment.name());
        state.setValueGroup(group.name());
        return Optional.of(new Transition(fromSegment, segment, fromGroup, group));
    }

    /** Takes a guest out of every statistic: merged into another guest, or erased. */
    void forget(GuestState state) {
        if (state.getCurrentValueMinor() != null) {
            move(histogram(CURRENT), CURRENT, state.getCurrentValueMinor(), null);
        }
        if (state.getComparisonValueMinor() != null) {
            move(histogram(COMPARISON), COMPARISON, state.getComparisonValueMinor(), null);
        }
        count(ValueGroup.valueOf(state.getValueGroup()), LifecycleSegment.valueOf(state.getSegment()), -1);
        state.setCurrentValueMinor(null);
        state.setComparisonValueMinor(null);
        state.setSegment(LifecycleSegment.UNKNOWN.name());
        state.setValueGroup(ValueGroup.UNKNOWN.name());
    }

    /** This task's guests per {@code group|segment}. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        try (var all = segmentCounts.all()) {
            all.forEachRemaining(entry -> counts.put(entry.key, entry.value));
        }
        return counts;
    }

    static String countKey(ValueGroup group, LifecycleSegment segment) {
        return group.name() + "|" + segment.name();
    }

    private void count(ValueGroup group, LifecycleSegment segment, long delta) {
        if (segment == LifecycleSegment.UNKNOWN) {
            return;
        }
        Counters.add(segmentCounts, countKey(group, segment), delta);
    }

    private Long move(ValueHistogram histogram, String name, Long from, Long to) {
        if (from != null && from.equals(to)) {
            return to;
        }
        if (from != null) {
            histogram.remove(from);
        }
        if (to != null) {
            histogram.add(to);
        }
        histograms.put(name, new ValueHistogramState(histogram.zeroCount(), bucketsAsStrings(histogram)));
        return to;
    }

    private ValueHistogram histogram(String name) {
        if (CURRENT.equals(name) && current != null) {
            return current;
        }
        if (COMPARISON.equals(name) && comparison != null) {
            return comparison;
        }
        ValueHistogramState stored = histograms.get(name);
        Map<Integer, Long> buckets = new HashMap<>();
        if (stored != null) {
            stored.getBuckets().forEach((bucket, count) -> buckets.put(Integer.valueOf(bucket), count));
        }
        ValueHistogram loaded = ValueHistogram.of(ValueHistogram.DEFAULT_RELATIVE_ACCURACY,
                stored == null ? 0 : stored.getZeroCount(), buckets);
        if (CURRENT.equals(name)) {
            current = loaded;
        } else {
            comparison = loaded;
        }
        return loaded;
    }

    private static Map<String, Long> bucketsAsStrings(ValueHistogram histogram) {
        Map<String, Long> buckets = new HashMap<>();
        histogram.buckets().forEach((bucket, count) -> buckets.put(bucket.toString(), count));
        return buckets;
    }

    private static long lastKnown(GuestState state) {
        return state.getLastEventAt() == null ? 0 : state.getLastEventAt();
    }
}
