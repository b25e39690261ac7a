package io.encore.profile.value;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Derives {@link Rfm} from a {@link SpendLedger}, so the ledger stays a plain bucket store and the window
 * definitions live in one place.
 *
 * <p>The ledger counts in calendar months, so each window is rounded to whole months once, at construction:
 * {@code N = round(window / average month of 365.2425 / 12 days)} (365 days → 12, 1095 days → 36). The current
 * window is then the N calendar months ending with (and including) the month of {@code asOf} — that is
 * {@code (asOf - currentWindow, asOf]} rounded to whole months, the same twelve buckets whatever the day of the
 * month or leap years; the comparison window is the M months just before it. Spend in the comparison window is
 * annualised as {@code spend · N / M}. Frequency is net orders from the month of the first purchase (or the oldest
 * month the ledger still holds, if later) through the month of {@code asOf}, divided by that number of calendar
 * months, both ends included.
 *
 * <p>Size ledgers to at least {@link #monthsNeeded()} months, or the comparison spend is cut short.
 */
public final class RfmCalculator {

    public static final Duration DEFAULT_CURRENT_WINDOW = Duration.ofDays(365);
    public static final Duration DEFAULT_COMPARISON_WINDOW = Duration.ofDays(1095);

    /** 365.2425 / 12 days: the mean Gregorian month. */
    private static final long AVERAGE_MONTH_MILLIS = 2_629_746_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final int currentMonths;
    private final int comparisonMonths;

    public RfmCalculator() {
        this(DEFAULT_CURRENT_WINDOW, DEFAULT_COMPARISON_WINDOW);
    }

    public RfmCalculator(Duration currentWindow, Duration comparisonWindow) {
        this.currentMonths = wholeMonths("currentWindow", currentWindow);
        this.comparisonMonths = wholeMonths("comparisonWindow", comparisonWindow);
    }

    /** RFM of the guest whose purchases are in {@code ledger}, at {@code asOf} (epoch millis). */
    public Rfm compute(SpendLedger ledger, long firstSeenAt, long asOf) {
        int asOfMonth = MonthIndex.of(asOf);
        long currentStart = MonthIndex.startMillis(asOfMonth - currentMonths + 1);
        long currentEnd = MonthIndex.startMillis(asOfMonth + 1);
        long comparisonStart = MonthIndex.startMillis(asOfMonth - currentMonths - comparisonMonths + 1);
        OptionalLong firstPurchase = ledger.firstPurchaseAt();
        boolean firstPurchaseInCurrent = firstPurchase.isPresent()
                && firstPurchase.getAsLong() >= currentStart && firstPurchase.getAsLong() < currentEnd;
        return new Rfm(
                recencyDays(ledger, asOf),
                frequencyPerMonth(ledger, asOfMonth),
                ledger.spend(currentStart, currentEnd),
                annualize(ledger.spend(comparisonStart, currentStart)),
                wholeDays(asOf - firstSeenAt),
                ledger.orders(currentStart, currentEnd) > 0,
                ledger.orders(comparisonStart, currentStart) > 0,
                firstPurchaseInCurrent);
    }

    public int currentMonths() {
        return currentMonths;
    }

    public int comparisonMonths() {
        return comparisonMonths;
    }

    /** Months a ledger must keep for both windows to be complete. */
    public int monthsNeeded() {
        return currentMonths + comparisonMonths;
    }

    private static Integer recencyDays(SpendLedger ledger, long asOf) {
        OptionalLong last = ledger.lastPurchaseAt();
        return last.isPresent() ? Integer.valueOf(wholeDays(asOf - last.getAsLong())) : null;
    }

    private static double frequencyPerMonth(SpendLedger ledger, int asOfMonth) {
        OptionalLong first = ledger.firstPurchaseAt();
        if (first.isEmpty()) {
            return 0.0;
        }
        // Buckets before retainedFromMonth are gone, so count only from where the ledger is complete.
        int fromMonth = Math.max(MonthIndex.of(first.getAsLong()), ledger.retainedFromMonth().orElse(Integer.MIN_VALUE));
        long months = Math.max(1L, (long) asOfMonth - fromMonth + 1);
        long orders = fromMonth > asOfMonth ? 0
                : ledger.orders(MonthIndex.startMillis(fromMonth), MonthIndex.startMillis(asOfMonth + 1));
        return (double) orders / months;
    }

    private long annualize(long comparisonSpend) {
        return Math.round((double) comparisonSpend * currentMonths / comparisonMonths);
    }

    private static int wholeDays(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0L, millis / MILLIS_PER_DAY));
    }

    private static int wholeMonths(String name, Duration window) {
        long months = (window.toMillis() + AVERAGE_MONTH_MILLIS / 2) / AVERAGE_MONTH_MILLIS;
        if (window.isNegative() || months < 1 || months > 1200) {
            throw new IllegalArgumentException(name + " must round to between 1 and 1200 months, got " + window);
        }
        return (int) months;
    }
}
