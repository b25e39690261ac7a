package io.encore.profile.value;

import static io.encore.profile.value.SpendLedgerTest.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RfmCalculatorTest {

    private final RfmCalculator calculator = new RfmCalculator();

    @Test
    void shouldRoundTheDefaultWindowsToTwelveAndThirtySixMonths() {
        // given / when
        RfmCalculator defaults = new RfmCalculator(Duration.ofDays(365), Duration.ofDays(1095));

        // then
        assertThat(defaults.currentMonths()).isEqualTo(12);
        assertThat(defaults.comparisonMonths()).isEqualTo(36);
        assertThat(defaults.monthsNeeded()).isEqualTo(SpendLedger.DEFAULT_MAX_MONTHS);
    }

    @Test
    void shouldComputeHandCheckedFiguresWhenTheGuestBoughtInBothWindows() {
        // given: asOf 2025-06-15, so current = 2024-07..2025-06 and comparison = 2021-07..2024-06
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2022-01-20T18:00:00Z"), 30_000, 1);       // comparison
        ledger.record(millis("2023-05-05T18:00:00Z"), 60_000, 1);       // comparison
        ledger.record(millis("2024-06-30T23:59:59Z"), 10_000, 1);       // comparison, its last second
        ledger.record(millis("2024-07-01T00:00:00Z"), 20_000, 1);       // current, its first second
        ledger.record(millis("2025-02-14T19:30:00Z"), 40_000, 1);       // current
        ledger.record(millis("2025-02-20T09:00:00Z"), -15_000, 0);      // partial refund
        ledger.record(millis("2025-06-01T00:00:00Z"), 25_000, 1);       // current, last purchase
        long firstSeenAt = millis("2021-12-01T00:00:00Z");
        long asOf = millis("2025-06-15T12:00:00Z");

        // when
        Rfm rfm = calculator.compute(ledger, firstSeenAt, asOf);

        // then
        assertThat(rfm.recencyDays()).isEqualTo(14);                    // 14.5 days, whole days
        assertThat(rfm.frequencyPerMonth()).isCloseTo(6.0 / 42, within(1e-12)); // 2022-01..2025-06 = 42 months
        assertThat(rfm.monetaryCurrentMinor()).isEqualTo(70_000);       // 20 000 + 40 000 − 15 000 + 25 000
        assertThat(rfm.comparisonAnnualizedMinor()).isEqualTo(33_333);  // 100 000 · 12 / 36
        assertThat(rfm.tenureDays()).isEqualTo(1292);                   // 365 + 365 + 366 + 182 + 14
        assertThat(rfm.boughtInCurrent()).isTrue();
        assertThat(rfm.boughtInComparison()).isTrue();
        assertThat(rfm.firstPurchaseInCurrentWindow()).isFalse();
        assertThat(rfm.hasPurchased()).isTrue();
    }

    @Test
    void shouldCountTwelveMonthsWhenAsOfIsTheLastDayOfAMonthInALeapYear() {
        // given: a plain 365-day look-back from 2024-03-31 would start at 2023-04-01 12:00 and miss April 2023
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2023-04-01T13:00:00Z"), 1_000, 1);
        ledger.record(millis("2023-03-31T23:00:00Z"), 7_000, 1);

        // when
        Rfm rfm = calculator.compute(ledger, 0, millis("2024-03-31T12:00:00Z"));

        // then
        assertThat(rfm.monetaryCurrentMinor()).isEqualTo(1_000);
        assertThat(rfm.comparisonAnnualizedMinor()).isEqualTo(2_333);  // 7 000 / 3, rounded
    }

    @Test
    void shouldFlagANewGuestWhenTheFirstPurchaseIsInTheCurrentWindow() {
        // given
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2025-05-02T10:00:00Z"), 45_000, 1);

        // when
        Rfm rfm = calculator.compute(ledger, millis("2025-04-01T00:00:00Z"), millis("2025-06-15T12:00:00Z"));

        // then
        assertThat(rfm.firstPurchaseInCurrentWindow()).isTrue();
        assertThat(rfm.boughtInComparison()).isFalse();
        assertThat(rfm.comparisonAnnualizedMinor()).isZero();
        assertThat(rfm.frequencyPerMonth()).isCloseTo(0.5, within(1e-12)); // one order over May and June
        assertThat(rfm.tenureDays()).isEqualTo(75);
    }

    @Test
    void shouldReportNoRecencyAndNoFrequencyWhenTheGuestNeverBought() {
        // given
        SpendLedger ledger = new SpendLedger();

        // when
        Rfm rfm = calculator.compute(ledger, millis("2025-06-01T00:00:00Z"), millis("2025-06-15T12:00:00Z"));

        // then
        assertThat(rfm.recencyDays()).isNull();
        assertThat(rfm.hasPurchased()).isFalse();
        assertThat(rfm.frequencyPerMonth()).isZero();
        assertThat(rfm.monetaryCurrentMinor()).isZero();
        assertThat(rfm.boughtInCurrent()).isFalse();
        assertThat(rfm.tenureDays()).isEqualTo(14);
    }

    @Test
    void shouldCountFrequencyOnlyOverKeptMonthsWhenTheFirstPurchaseIsOlderThanTheLedger() {
        // given: first purchase 2015, then one order a month through 2025-06
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2015-03-01T10:00:00Z"), 10_000, 1);
        for (int month = MonthIndex.of(millis("2021-07-01T00:00:00Z")); month <= MonthIndex.of(millis("2025-06-01T00:00:00Z")); month++) {
            ledger.record(MonthIndex.startMillis(month) + 1, 1_000, 1);
        }

        // when
        Rfm rfm = calculator.compute(ledger, 0, millis("2025-06-15T12:00:00Z"));

        // then
        assertThat(rfm.frequencyPerMonth()).isCloseTo(1.0, within(1e-12));
        assertThat(rfm.comparisonAnnualizedMinor()).isEqualTo(12_000);
    }

    @Test
    void shouldRejectAWindowWhenItRoundsToNoMonth() {
        // given
        Duration tenDays = Duration.ofDays(10);

        // when / then
        assertThatThrownBy(() -> new RfmCalculator(tenDays, Duration.ofDays(365)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currentWindow");
    }
}
