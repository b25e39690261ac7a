package io.encore.profile.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.ValueGroup;

class LifecycleTest {

    @Test
    void shouldBeProspectWhenTheGuestNeverBought() {
        // given
        Rfm rfm = new Rfm(null, 0, 0, 0, 30, false, false, false);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.E, ValueGroup.E);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.PROSPECT);
    }

    @Test
    void shouldBeNewWhenTheFirstPurchaseIsInTheCurrentWindowEvenForATopSpender() {
        // given
        Rfm rfm = active(true);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.A, ValueGroup.E);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.NEW);
    }

    @Test
    void shouldBeNewWhenTheOnlyPurchaseInTheCurrentWindowWasRefunded() {
        // given: rule 2 comes before rule 3
        Rfm rfm = new Rfm(20, 0, 0, 0, 40, false, false, true);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.E, ValueGroup.E);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.NEW);
    }

    @Test
    void shouldBeDormantWhenNothingWasBoughtInTheCurrentWindow() {
        // given
        Rfm rfm = new Rfm(500, 0.2, 0, 40_000, 900, false, true, false);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.E, ValueGroup.A);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.DORMANT);
    }

    @Test
    void shouldBeTopWhenTheCurrentGroupIsAWhateverItWasBefore() {
        // given
        Rfm rfm = active(false);

        // when
        LifecycleSegment fromA = Lifecycle.classify(rfm, ValueGroup.A, ValueGroup.A);
        LifecycleSegment fromE = Lifecycle.classify(rfm, ValueGroup.A, ValueGroup.E);

        // then
        assertThat(fromA).isEqualTo(LifecycleSegment.TOP);
        assertThat(fromE).isEqualTo(LifecycleSegment.TOP);
    }

    @Test
    void shouldNeedAttentionWhenTheCurrentGroupIsLowerThanTheComparisonGroup() {
        // given
        Rfm rfm = active(false);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.C, ValueGroup.B);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.NEEDS_ATTENTION);
    }

    @Test
    void shouldBeGrowingWhenTheCurrentGroupIsHigherThanTheComparisonGroup() {
        // given
        Rfm rfm = active(false);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.D, ValueGroup.E);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.GROWING);
    }

    @Test
    void shouldBeLoyalWhenTheGroupIsUnchanged() {
        // given
        Rfm rfm = active(false);

        // when
        LifecycleSegment segment = Lifecycle.classify(rfm, ValueGroup.B, ValueGroup.B);

        // then
        assertThat(segment).isEqualTo(LifecycleSegment.LOYAL);
    }

    @Test
    void shouldBeLoyalWhenAGroupIsUnknown() {
        // given
        Rfm rfm = active(false);

        // when
        LifecycleSegment noComparison = Lifecycle.classify(rfm, ValueGroup.C, ValueGroup.UNKNOWN);
        LifecycleSegment noCurrent = Lifecycle.classify(rfm, ValueGroup.UNKNOWN, ValueGroup.C);

        // then
        assertThat(noComparison).isEqualTo(LifecycleSegment.LOYAL);
        assertThat(noCurrent).isEqualTo(LifecycleSegment.LOYAL);
    }

    @Test
    void shouldFollowTheGuestWhenRfmComesFromTheCalculatorAndTheHistogram() {
        // given: a guest who spent 90 000 a year before and 20 000 this year, among four others
        SpendLedger ledger = new SpendLedger();
        ledger.record(SpendLedgerTest.millis("2023-10-10T10:00:00Z"), 270_000, 3);
        ledger.record(SpendLedgerTest.millis("2025-03-10T10:00:00Z"), 20_000, 1);
        Rfm rfm = new RfmCalculator().compute(ledger, 0, SpendLedgerTest.millis("2025-06-15T00:00:00Z"));
        ValueHistogram population = new ValueHistogram();
        for (long value : new long[] {10_000, 40_000, 60_000, 80_000, rfm.monetaryCurrentMinor()}) {
            population.add(value);
        }

        // when
        ValueGroup current = population.groupOf(rfm.monetaryCurrentMinor());
        ValueGroup comparison = population.groupOf(rfm.comparisonAnnualizedMinor());
        LifecycleSegment segment = Lifecycle.classify(rfm, current, comparison);

        // then
        assertThat(current).isEqualTo(ValueGroup.D);
        assertThat(comparison).isEqualTo(ValueGroup.A);
        assertThat(segment).isEqualTo(LifecycleSegment.NEEDS_ATTENTION);
    }

    private static Rfm active(boolean firstPurchaseInCurrentWindow) {
        return new Rfm(10, 0.5, 60_000, 50_000, 800, true, true, firstPurchaseInCurrentWindow);
    }
}
