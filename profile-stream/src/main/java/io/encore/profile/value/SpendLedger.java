package io.encore.profile.value;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One guest's ticket purchases and refunds in monthly buckets (UTC calendar months, see {@link MonthIndex}), so RFM
 * windows can be summed from a small, bounded state instead of from every order the guest ever made.
 *
 * <p><b>Bounded.</b> Only the {@code maxMonths} calendar months ending with the latest month seen are kept: the
 * window is {@code [latest - maxMonths + 1, latest]}, where {@code latest} is the latest month of any stored
 * record. Older buckets are dropped when a later month arrives, and a record older than the window is not stored
 * (its purchase time still counts for {@link #firstPurchaseAt()}). Empty months take no space.
 *
 * <p><b>Order does not matter.</b> Buckets hold raw net sums, and first/last purchase are a min and a max, so
 * recording the same events in any order gives the same state, with one exception: what falls outside the window
 * relative to the latest month seen is lost, so a late record that is older than the window at its arrival is
 * dropped, exactly as it would have been evicted had it arrived first.
 *
 * <p><b>Refunds.</b> A refund is booked in the month it happens, with a negative amount and {@code -1} order (or
 * {@code 0} orders for a partial refund). Buckets keep plain sums, which may go below zero, so the order records
 * arrive in never matters; a query sums the months in its range and answers at least zero, so a refund cancels
 * its purchase when both lie in the range (June's refund of a May order), and a range holding only the refund
 * counts nothing.
 */
public final class SpendLedger {

    public static final int DEFAULT_MAX_MONTHS = 48;

    private record Bucket(int orders, long amount) {

        Bucket plus(Bucket other) {
            return new Bucket(Math.addExact(orders, other.orders), Math.addExact(amount, other.amount));
        }
    }

    private final int maxMonths;
    private final NavigableMap<Integer, Bucket> buckets = new TreeMap<>();
    private OptionalLong firstPurchaseAt = OptionalLong.empty();
    private OptionalLong lastPurchaseAt = OptionalLong.empty();

    /** An empty ledger keeping {@value #DEFAULT_MAX_MONTHS} months, enough for the default RFM windows (1 + 3 years). */
    public SpendLedger() {
        this(DEFAULT_MAX_MONTHS);
    }

    public SpendLedger(int maxMonths) {
        if (maxMonths < 1) {
            throw new IllegalArgumentException("maxMonths must be positive, got " + maxMonths);
        }
        this.maxMonths = maxMonths;
    }

    /**
     * Rebuilds a ledger from its state (as returned by the accessors of the same names).
     *
     * @param months          month indexes, strictly ascending, spanning fewer than {@code maxMonths} months
     * @param orders          net orders per month, same length as {@code months}
     * @param amounts         net amount per month in minor units, same length as {@code months}
     * @param firstPurchaseAt epoch millis of the earliest purchase, or null when none (then also {@code lastPurchaseAt})
     * @param lastPurchaseAt  epoch millis of the latest purchase, or null when none
     */
    public static SpendLedger of(int maxMonths, int[] months, int[] orders, long[] amounts,
                                 Long firstPurchaseAt, Long lastPurchaseAt) {
        SpendLedger ledger = new SpendLedger(maxMonths);
        requireValidState(maxMonths, months, orders, amounts);
        if ((firstPurchaseAt == null) != (lastPurchaseAt == null)
                || (firstPurchaseAt != null && firstPurchaseAt > lastPurchaseAt)) {
            throw new IllegalArgumentException("first and last purchase must both be null or ordered, got "
                    + firstPurchaseAt + " and " + lastPurchaseAt);
        }
        for (int i = 0; i < months.length; i++) {
            ledger.buckets.put(months[i], new Bucket(orders[i], amounts[i]));
        }
        if (firstPurchaseAt != null) {
            ledger.firstPurchaseAt = OptionalLong.of(firstPurchaseAt);
            ledger.lastPurchaseAt = OptionalLong.of(lastPurchaseAt);
        }
        return ledger;
    }

    /**
     * Books a purchase ({@code amountMinor >= 0, orders > 0}), a refund ({@code amountMinor <= 0, orders < 0}) or an
     * adjustment such as a partial refund ({@code orders == 0}, any amount). Only purchases move first/last purchase.
     *
     * @return true when the record landed in a bucket; false when it was older than the window or carried nothing
     */
    public boolean record(long occurredAtMillis, long amountMinor, int orders) {
        if ((orders > 0 && amountMinor < 0) || (orders < 0 && amountMinor > 0)) {
            throw new IllegalArgumentException("a purchase cannot have a negative amount nor a refund a positive one, got "
                    + amountMinor + " for " + orders + " orders");
        }
        int month = MonthIndex.of(occurredAtMillis);
        if (orders > 0) {
            notePurchase(occurredAtMillis);
        }
        if (orders == 0 && amountMinor == 0) {
            return false;
        }
        int latest = buckets.isEmpty() ? month : Math.max(month, buckets.lastKey());
        long oldestKept = (long) latest - maxMonths + 1;
        if (month < oldestKept) {
            return false;
        }
        buckets.merge(month, new Bucket(orders, amountMinor), Bucket::plus);
        buckets.headMap(MonthIndex.saturate(oldestKept)).clear();
        return true;
    }

    /**
     * Adds every month of {@code other} to this ledger (the ledger of a guest merged into this one); first and
     * last purchase become the earliest and latest of both. Months older than the window of the result drop.
     */
    public void merge(SpendLedger other) {
        other.buckets.forEach((month, bucket) -> buckets.merge(month, bucket, Bucket::plus));
        other.firstPurchaseAt.ifPresent(this::notePurchase);
        other.lastPurchaseAt.ifPresent(this::notePurchase);
        if (!buckets.isEmpty()) {
            buckets.headMap(MonthIndex.saturate((long) buckets.lastKey() - maxMonths + 1)).clear();
        }
    }

    /**
     * Net spend, in minor units, of the months whose start lies in {@code [fromInclusive, toExclusive)}, at
     * least 0: a refund in June of a May purchase cancels it when both months are in the range.
     */
    public long spend(long fromInclusive, long toExclusive) {
        long total = 0;
        for (Bucket bucket : range(fromInclusive, toExclusive)) {
            total = Math.addExact(total, bucket.amount());
        }
        return Math.max(0, total);
    }

    /** Net orders of the months whose start lies in {@code [fromInclusive, toExclusive)}, at least 0. */
    public long orders(long fromInclusive, long toExclusive) {
        long total = 0;
        for (Bucket bucket : range(fromInclusive, toExclusive)) {
            total += bucket.orders();
        }
        return Math.max(0, total);
    }

    /** Net orders of all kept months (not those dropped from the window). */
    public long totalOrders() {
        return orders(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public OptionalLong firstPurchaseAt() {
        return firstPurchaseAt;
    }

    public OptionalLong lastPurchaseAt() {
        return lastPurchaseAt;
    }

    /** The oldest month the window still covers, so callers know from when on the buckets are complete. */
    public OptionalInt retainedFromMonth() {
        return buckets.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(MonthIndex.saturate((long) buckets.lastKey() - maxMonths + 1));
    }

    public int maxMonths() {
        return maxMonths;
    }

    /** Month indexes of the kept buckets, ascending (a copy). */
    public int[] months() {
        return buckets.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Raw net orders per kept bucket, aligned with {@link #months()} (may be negative; queries clamp). */
    public int[] orders() {
        return buckets.values().stream().mapToInt(Bucket::orders).toArray();
    }

    /** Raw net amounts per kept bucket, aligned with {@link #months()} (may be negative; queries clamp). */
    public long[] amounts() {
        return buckets.values().stream().mapToLong(Bucket::amount).toArray();
    }

    private static void requireValidState(int maxMonths, int[] months, int[] orders, long[] amounts) {
        if (months.length != orders.length || months.length != amounts.length) {
            throw new IllegalArgumentException("months, orders and amounts must have the same length, got "
                    + months.length + ", " + orders.length + " and " + amounts.length);
        }
        for (int i = 1; i < months.length; i++) {
            if (months[i] <= months[i - 1]) {
                throw new IllegalArgumentException("months must be strictly ascending, got " + months[i - 1]
                        + " before " + months[i]);
            }
        }
        if (months.length > 0 && (long) months[months.length - 1] - months[0] >= maxMonths) {
            throw new IllegalArgumentException("months must span fewer than " + maxMonths + " months, got "
                    + months[0] + " to " + months[months.length - 1]);
        }
    }

    /** Marks a purchase time without booking an order (more seats for a concert already counted). */
    public void notePurchaseAt(long occurredAtMillis) {
        notePurchase(occurredAtMillis);
    }

    private void notePurchase(long occurredAtMillis) {
        long first = firstPurchaseAt.orElse(occurredAtMillis);
        long last = lastPurchaseAt.orElse(occurredAtMillis);
        firstPurchaseAt = OptionalLong.of(Math.min(first, occurredAtMillis));
        lastPurchaseAt = OptionalLong.of(Math.max(last, occurredAtMillis));
    }

    private Collection<Bucket> range(long fromInclusive, long toExclusive) {
        long from = MonthIndex.firstStartingAtOrAfter(fromInclusive);
        long to = MonthIndex.firstStartingAtOrAfter(toExclusive);
        if (from >= to) {
            return List.of();
        }
        Map<Integer, Bucket> inRange = buckets.subMap(MonthIndex.saturate(from), true, MonthIndex.saturate(to), false);
        return inRange.values();
    }
}
