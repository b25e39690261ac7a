package io.encore.profile.value;

/**
 * A guest's recency, frequency, monetary value and tenure at one moment, plus the window facts the lifecycle rules
 * need, so {@link Lifecycle} and the Avro mapping read one value instead of re-querying the ledger.
 *
 * @param recencyDays                  whole days from the last purchase to {@code asOf} (0 when the purchase is
 *                                     later than {@code asOf}); null when the guest never purchased
 * @param frequencyPerMonth            net orders per calendar month since the first purchase (see
 *                                     {@link RfmCalculator}); 0 when none
 * @param monetaryCurrentMinor         net spend in the current window, minor units
 * @param comparisonAnnualizedMinor    net spend in the comparison window scaled to the current window's length,
 *                                     minor units, rounded half up
 * @param tenureDays                   whole days from when the guest was first seen to {@code asOf}, at least 0
 * @param boughtInCurrent              net orders in the current window are positive
 * @param boughtInComparison           net orders in the comparison window are positive
 * @param firstPurchaseInCurrentWindow the month of the first purchase ever lies in the current window
 */
public record Rfm(Integer recencyDays, double frequencyPerMonth, long monetaryCurrentMinor,
                  long comparisonAnnualizedMinor, int tenureDays, boolean boughtInCurrent,
                  boolean boughtInComparison, boolean firstPurchaseInCurrentWindow) {

    /** Whether the guest ever made a purchase (refunded or not); false makes the guest a prospect. */
    public boolean hasPurchased() {
        return recencyDays != null;
    }
}
