package io.encore.profile.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ValueGroup;

class ValueHistogramTest {

    private static final double[] QUANTILES = {0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};

    @Test
    void shouldStayWithinRelativeAccuracyWhenEstimatingQuantilesOfLogNormalValues() {
        // given
        long[] values = logNormal(new Random(2024), 10_000);
        ValueHistogram histogram = new ValueHistogram();
        Arrays.stream(values).forEach(histogram::add);
        long[] sorted = values.clone();
        Arrays.sort(sorted);

        for (double q : QUANTILES) {
            // when
            double estimate = histogram.quantile(q);

            // then
            long exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
            assertThat(Math.abs(estimate - exact)).as("q = %s, exact %s", q, exact)
                    .isLessThanOrEqualTo(ValueHistogram.DEFAULT_RELATIVE_ACCURACY * exact * (1 + 1e-12));
        }
        assertThat(histogram.count()).isEqualTo(10_000);
    }

    @Test
    void shouldReportZeroWhenTheQuantileFallsInTheZeroBucket() {
        // given
        ValueHistogram histogram = new ValueHistogram();
        histogram.add(0);
        histogram.add(-300);
        histogram.add(1_000);

        // when
        double median = histogram.quantile(0.5);
        double max = histogram.quantile(1);

        // then
        assertThat(median).isZero();
        assertThat(max).isCloseTo(1_000, within(10.0));
        assertThat(histogram.zeroCount()).isEqualTo(2);
    }

    @Test
    void shouldReturnToTheEarlierStateWhenAddedValuesAreRemoved() {
        // given
        ValueHistogram histogram = new ValueHistogram();
        long[] base = logNormal(new Random(1), 500);
        Arrays.stream(base).forEach(histogram::add);
        Map<Integer, Long> before = histogram.buckets();
        long[] extra = logNormal(new Random(2), 500);

        // when
        Arrays.stream(extra).forEach(histogram::add);
        histogram.add(0);
        boolean allRemoved = Arrays.stream(extra).allMatch(histogram::remove) && histogram.remove(0);

        // then
        assertThat(allRemoved).isTrue();
        assertThat(histogram.buckets()).isEqualTo(before);
        assertThat(histogram.zeroCount()).isZero();
        assertThat(histogram.count()).isEqualTo(500);
    }

    @Test
    void shouldNeverCountBelowZeroWhenRemovingAbsentValues() {
        // given
        ValueHistogram histogram = new ValueHistogram();
        histogram.add(5_000);

        // when
        boolean absent = histogram.remove(90_000);
        boolean zero = histogram.remove(0);
        boolean present = histogram.remove(5_000);
        boolean again = histogram.remove(5_000);

        // then
        assertThat(absent).isFalse();
        assertThat(zero).isFalse();
        assertThat(present).isTrue();
        assertThat(again).isFalse();
        assertThat(histogram.count()).isZero();
        assertThat(histogram.buckets()).isEmpty();
    }

    @Test
    void shouldGiveEachFifthItsGroupWhenThePopulationIsKnown() {
        // given: 100 values 10 % apart, so each has its own bucket, plus 50 guests without spend
        ValueHistogram histogram = new ValueHistogram();
        long[] values = new long[100];
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.round(1_000 * Math.pow(1.1, k));
            histogram.add(values[k]);
        }
        for (int k = 0; k < 50; k++) {
            histogram.add(0);
        }
        ValueGroup[] expected = {ValueGroup.E, ValueGroup.D, ValueGroup.C, ValueGroup.B, ValueGroup.A};

        for (int k = 0; k < values.length; k++) {
            // when
            ValueGroup group = histogram.groupOf(values[k]);

            // then: ascending k, so the k-th value has 99 − k values above it
            assertThat(group).as("value #%s", k).isEqualTo(expected[k / 20]);
        }
        assertThat(histogram.groupOf(0)).isEqualTo(ValueGroup.E);
        assertThat(histogram.groupOf(-1)).isEqualTo(ValueGroup.E);
        assertThat(histogram.groupOf(1)).isEqualTo(ValueGroup.E);
        assertThat(histogram.groupOf(Long.MAX_VALUE)).isEqualTo(ValueGroup.A);
    }

    @Test
    void shouldRankByPositionWhenFewerThanFivePositiveValuesExist() {
        // given
        ValueHistogram histogram = new ValueHistogram();
        histogram.add(0);

        // when
        ValueGroup alone = histogram.groupOf(50_000);
        histogram.add(50_000);
        ValueGroup onlyOne = histogram.groupOf(50_000);
        histogram.add(10_000);
        ValueGroup topOfTwo = histogram.groupOf(50_000);
        ValueGroup bottomOfTwo = histogram.groupOf(10_000);

        // then
        assertThat(alone).isEqualTo(ValueGroup.UNKNOWN);
        assertThat(onlyOne).isEqualTo(ValueGroup.A);
        assertThat(topOfTwo).isEqualTo(ValueGroup.A);
        assertThat(bottomOfTwo).isEqualTo(ValueGroup.C);
        assertThat(histogram.groupOf(100)).isEqualTo(ValueGroup.E);
    }

    @Test
    void shouldEqualTheWholeWhenMergingPartitions() {
        // given
        long[] values = logNormal(new Random(3), 2_000);
        ValueHistogram whole = new ValueHistogram();
        ValueHistogram left = new ValueHistogram();
        ValueHistogram right = new ValueHistogram();
        for (int i = 0; i < values.length; i++) {
            long value = i % 7 == 0 ? 0 : values[i];
            whole.add(value);
            (i % 2 == 0 ? left : right).add(value);
        }

        // when
        left.merge(right);

        // then
        assertThat(left.buckets()).isEqualTo(whole.buckets());
        assertThat(left.zeroCount()).isEqualTo(whole.zeroCount());
        assertThat(left.count()).isEqualTo(2_000);
        assertThat(left.quantile(0.9)).isEqualTo(whole.quantile(0.9));
    }

    @Test
    void shouldRefuseToMergeWhenRelativeAccuraciesDiffer() {
        // given
        ValueHistogram fine = new ValueHistogram(0.01);
        ValueHistogram coarse = new ValueHistogram(0.02);

        // when / then
        assertThatThrownBy(() -> fine.merge(coarse)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRestoreTheSameAnswersWhenRebuiltFromItsState() {
        // given
        ValueHistogram original = new ValueHistogram();
        Arrays.stream(logNormal(new Random(4), 1_000)).forEach(original::add);
        original.add(0);

        // when
        ValueHistogram restored = ValueHistogram.of(original.relativeAccuracy(), original.zeroCount(), original.buckets());

        // then
        assertThat(restored.buckets()).isEqualTo(original.buckets());
        assertThat(restored.count()).isEqualTo(original.count());
        assertThat(restored.positiveCount()).isEqualTo(1_000);
        assertThat(restored.quantile(0.5)).isEqualTo(original.quantile(0.5));
        assertThat(restored.groupOf(80_000)).isEqualTo(original.groupOf(80_000));
    }

    @Test
    void shouldRejectStateWhenACountIsNegativeOrTheBucketCannotExist() {
        // given
        Map<Integer, Long> negative = Map.of(3, -1L);
        Map<Integer, Long> beyondLong = Map.of(5_000, 1L);

        // when / then
        assertThatThrownBy(() -> ValueHistogram.of(0.01, 0, negative)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueHistogram.of(0.01, 0, beyondLong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueHistogram.of(0.01, -1, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStayBoundedWhenValuesSpanTheWholeLongRange() {
        // given
        ValueHistogram histogram = new ValueHistogram();

        // when: 1, 2, 4, ... 2^62 and Long.MAX_VALUE
        for (int power = 0; power < 63; power++) {
            histogram.add(1L << power);
        }
        histogram.add(Long.MAX_VALUE);

        // then
        assertThat(histogram.indexOf(1)).isZero();
        assertThat(histogram.indexOf(Long.MAX_VALUE)).isEqualTo(2184);
        assertThat(histogram.buckets()).hasSize(64);
    }

    @Test
    void shouldRefuseAQuantileWhenTheHistogramIsEmpty() {
        // given
        ValueHistogram histogram = new ValueHistogram();

        // when / then
        assertThatThrownBy(() -> histogram.quantile(0.5)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> histogram.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Spend-like values: median about 50 000 minor units, a long right tail. */
    private static long[] logNormal(Random random, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = Math.max(1, Math.round(Math.exp(Math.log(50_000) + 1.2 * random.nextGaussian())));
        }
        return values;
    }
}
