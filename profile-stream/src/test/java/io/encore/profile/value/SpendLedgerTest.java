package io.encore.profile.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpendLedgerTest {

    private record Sale(long at, long amount, int orders) {
    }

    @Test
    void shouldNumberMonthsFrom1970WhenIndexingUtcInstants() {
        // given
        long julyFirst2024 = millis("2024-07-01T00:00:00Z");

        // when
        int month = MonthIndex.of(julyFirst2024);

        // then
        assertThat(month).isEqualTo(54 * 12 + 6);
        assertThat(MonthIndex.of(julyFirst2024 - 1)).isEqualTo(month - 1);
        assertThat(MonthIndex.of(0)).isZero();
        assertThat(MonthIndex.of(-1)).isEqualTo(-1);
        assertThat(MonthIndex.startMillis(month)).isEqualTo(julyFirst2024);
        assertThat(MonthIndex.startMillis(-1)).isEqualTo(millis("1969-12-01T00:00:00Z"));
    }

    @Test
    void shouldReachTheSameStateWhenRecordsArriveInAnyOrder() {
        // given
        List<Sale> sales = randomSales(new Random(42), 300);
        SpendLedger inOrder = ledgerOf(sales);

        for (long seed = 1; seed <= 20; seed++) {
            List<Sale> shuffled = new ArrayList<>(sales);
            Collections.shuffle(shuffled, new Random(seed));

            // when
            SpendLedger ledger = ledgerOf(shuffled);

            // then
            assertThat(ledger.months()).isEqualTo(inOrder.months());
            assertThat(ledger.orders()).isEqualTo(inOrder.orders());
            assertThat(ledger.amounts()).isEqualTo(inOrder.amounts());
            assertThat(ledger.firstPurchaseAt()).isEqualTo(inOrder.firstPurchaseAt());
            assertThat(ledger.lastPurchaseAt()).isEqualTo(inOrder.lastPurchaseAt());
        }
        // the window was exercised: sales start in 2020, the kept months only in 2026
        assertThat(inOrder.retainedFromMonth()).hasValue(MonthIndex.of(millis("2026-01-01T00:00:00Z")));
    }

    @Test
    void shouldCountABucketOnlyWhenItsMonthStartIsInTheRange() {
        // given
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2024-06-30T23:59:59.999Z"), 100, 1);
        ledger.record(millis("2024-07-01T00:00:00Z"), 200, 1);
        ledger.record(millis("2024-07-31T23:59:59.999Z"), 400, 1);
        ledger.record(millis("2024-08-01T00:00:00Z"), 800, 1);
        long july = millis("2024-07-01T00:00:00Z");
        long august = millis("2024-08-01T00:00:00Z");

        // when
        long julyOnly = ledger.spend(july, august);
        long fromJustAfterJulyStarts = ledger.spend(july + 1, august + 1);
        long upToJustAfterAugustStarts = ledger.spend(july, august + 1);

        // then
        assertThat(julyOnly).isEqualTo(600);
        assertThat(ledger.orders(july, august)).isEqualTo(2);
        assertThat(fromJustAfterJulyStarts).isEqualTo(800);
        assertThat(upToJustAfterAugustStarts).isEqualTo(1400);
        assertThat(ledger.spend(august, july)).isZero();
        assertThat(ledger.spend(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1500);
    }

    @Test
    void shouldKeepOnlyTheLatestMaxMonthsWhenMonthsAccumulate() {
        // given
        SpendLedger ledger = new SpendLedger(48);
        int start = MonthIndex.of(millis("2019-01-15T00:00:00Z"));
        for (int month = start; month < start + 60; month++) {
            ledger.record(MonthIndex.startMillis(month) + 1, 1_000, 1);
        }

        // when
        boolean stale = ledger.record(MonthIndex.startMillis(start + 11), 5_000, 1);
        boolean oldestKept = ledger.record(MonthIndex.startMillis(start + 12), 5_000, 1);

        // then
        assertThat(stale).isFalse();
        assertThat(oldestKept).isTrue();
        assertThat(ledger.months()).hasSize(48).startsWith(start + 12).endsWith(start + 59);
        assertThat(ledger.retainedFromMonth()).hasValue(start + 12);
        assertThat(ledger.totalOrders()).isEqualTo(49);
        assertThat(ledger.firstPurchaseAt()).hasValue(MonthIndex.startMillis(start) + 1);
    }

    @Test
    void shouldCancelAPurchaseWithARefundInALaterMonthWhenBothAreInTheRange() {
        // given
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2024-05-10T10:00:00Z"), 50_000, 1);
        ledger.record(millis("2024-06-03T10:00:00Z"), 30_000, 1);
        ledger.record(millis("2024-06-20T10:00:00Z"), -10_000, 0);
        ledger.record(millis("2024-07-02T10:00:00Z"), -50_000, -1); // refund of the May order

        // when
        long mayToJuly = ledger.spend(millis("2024-05-01T00:00:00Z"), millis("2024-08-01T00:00:00Z"));
        long may = ledger.spend(millis("2024-05-01T00:00:00Z"), millis("2024-06-01T00:00:00Z"));
        long july = ledger.spend(millis("2024-07-01T00:00:00Z"), millis("2024-08-01T00:00:00Z"));

        // then: the refund cancels May's order over the three months; a range holding only the refund is 0
        assertThat(mayToJuly).isEqualTo(20_000);
        assertThat(may).isEqualTo(50_000);
        assertThat(july).isZero();
        assertThat(ledger.totalOrders()).isEqualTo(1);
        assertThat(ledger.amounts()).containsExactly(50_000, 20_000, -50_000);
        assertThat(ledger.orders()).containsExactly(1, 1, -1);
    }

    @Test
    void shouldLeaveFirstAndLastPurchaseAloneWhenRefunding() {
        // given
        SpendLedger ledger = new SpendLedger();
        ledger.record(millis("2024-05-10T10:00:00Z"), 50_000, 1);
        ledger.record(millis("2024-06-10T10:00:00Z"), 20_000, 1);

        // when
        ledger.record(millis("2024-04-01T10:00:00Z"), -1_000, 0);
        ledger.record(millis("2024-07-01T10:00:00Z"), -20_000, -1);

        // then
        assertThat(ledger.firstPurchaseAt()).hasValue(millis("2024-05-10T10:00:00Z"));
        assertThat(ledger.lastPurchaseAt()).hasValue(millis("2024-06-10T10:00:00Z"));
    }

    @Test
    void shouldGiveTheSameSpendWhenARefundArrivesBeforeItsPurchase() {
        // given
        SpendLedger refundFirst = new SpendLedger();
        SpendLedger purchaseFirst = new SpendLedger();

        // when
        refundFirst.record(millis("2024-06-20T10:00:00Z"), -10_000, -1);
        refundFirst.record(millis("2024-06-03T10:00:00Z"), 30_000, 1);
        purchaseFirst.record(millis("2024-06-03T10:00:00Z"), 30_000, 1);
        purchaseFirst.record(millis("2024-06-20T10:00:00Z"), -10_000, -1);

        // then
        assertThat(refundFirst.spend(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(20_000);
        assertThat(purchaseFirst.spend(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(20_000);
        assertThat(refundFirst.totalOrders()).isZero();
    }

    @Test
    void shouldRejectARecordWhenAmountAndOrdersDisagreeInSign() {
        // given
        SpendLedger ledger = new SpendLedger();

        // when / then
        assertThatThrownBy(() -> ledger.record(0, -5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.record(0, 5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.months()).isEmpty();
    }

    @Test
    void shouldRestoreAnEqualLedgerWhenRebuiltFromItsState() {
        // given
        SpendLedger original = ledgerOf(randomSales(new Random(7), 100));

        // when
        SpendLedger restored = SpendLedger.of(original.maxMonths(), original.months(), original.orders(),
                original.amounts(), original.firstPurchaseAt().getAsLong(), original.lastPurchaseAt().getAsLong());
        original.record(millis("2031-01-01T00:00:00Z"), 100, 1);
        restored.record(millis("2031-01-01T00:00:00Z"), 100, 1);

        // then
        assertThat(restored.months()).isEqualTo(original.months());
        assertThat(restored.orders()).isEqualTo(original.orders());
        assertThat(restored.amounts()).isEqualTo(original.amounts());
        assertThat(restored.lastPurchaseAt()).isEqualTo(original.lastPurchaseAt());
    }

    @Test
    void shouldRejectStateWhenMonthsAreUnsortedOrSpanTooMuch() {
        // given
        int[] unsorted = {10, 9};
        int[] tooWide = {0, 48};

        // when / then
        assertThatThrownBy(() -> SpendLedger.of(48, unsorted, new int[2], new long[2], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> SpendLedger.of(48, tooWide, new int[2], new long[2], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("span");
        assertThatThrownBy(() -> SpendLedger.of(48, new int[] {1}, new int[2], new long[1], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> SpendLedger.of(48, new int[0], new int[0], new long[0], 5L, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first and last");
    }

    private static List<Sale> randomSales(Random random, int count) {
        long from = millis("2020-01-01T00:00:00Z");
        long span = millis("2030-01-01T00:00:00Z") - from;
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = from + (long) (random.nextDouble() * span);
            int kind = random.nextInt(10);
            if (kind < 7) {
                sales.add(new Sale(at, 10_000 + random.nextInt(90_000), 1));
            } else if (kind < 9) {
                sales.add(new Sale(at, -random.nextInt(100_000), -1));
            } else {
                sales.add(new Sale(at, -random.nextInt(5_000), 0));
            }
        }
        return sales;
    }

    private static SpendLedger ledgerOf(List<Sale> sales) {
        SpendLedger ledger = new SpendLedger();
        sales.forEach(sale -> ledger.record(sale.at(), sale.amount(), sale.orders()));
        return ledger;
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
