package io.encore.profile.value;

import java.time.LocalDate;

/**
 * UTC calendar months as consecutive integers, months since 1970-01 ({@code 0} = 1970-01, {@code -1} = 1969-12,
 * {@code 654} = 2024-07), so monthly buckets have a small sortable key that Avro stores as an {@code int} and that
 * subtracts like the calendar.
 */
public final class MonthIndex {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private MonthIndex() {
    }

    /**
     * The month containing {@code epochMillis}.
     *
     * @throws ArithmeticException for instants more than about 178 million years from 1970
     */
    public static int of(long epochMillis) {
        return Math.toIntExact(monthOf(epochMillis));
    }

    /** Epoch millis of 00:00 UTC on the first day of {@code month}. */
    public static long startMillis(int month) {
        int year = Math.toIntExact(1970 + Math.floorDiv((long) month, 12L));
        LocalDate first = LocalDate.of(year, Math.floorMod(month, 12) + 1, 1);
        return first.toEpochDay() * MILLIS_PER_DAY;
    }

    /**
     * The first month whose start is at or after {@code epochMillis}: the rounding of every month-granular query
     * (a month counts in {@code [from, to)} when its start does). Returned as a long because the instants at the
     * ends of the {@code long} range lie outside the {@code int} months.
     */
    static long firstStartingAtOrAfter(long epochMillis) {
        long month = monthOf(epochMillis);
        if (month < Integer.MIN_VALUE || month > Integer.MAX_VALUE) {
            return month; // no bucket can live this far out, so being a month off does not matter
        }
        return startMillis((int) month) < epochMillis ? month + 1 : month;
    }

    /** {@code month} clamped into the {@code int} range, for sub-map bounds. */
    static int saturate(long month) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, month));
    }

    private static long monthOf(long epochMillis) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        return (day.getYear() - 1970L) * 12L + day.getMonthValue() - 1;
    }
}
