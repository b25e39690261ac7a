package io.encore.simulator.audience;

import java.util.Arrays;
import java.util.Objects;

import io.encore.simulator.catalogue.ConcertPlan;

/**
 * When and how a guest likes to go: weekdays, dayparts, price sensitivity, how far ahead they book and how many
 * seats they buy. These change the odds of a purchase, not the fit of a concert.
 *
 * @see Taste
 */
public final class Habits {

    /** Dayparts as profile-stream counts them: before 12, 12–17, 17–21, from 21 (local time). */
    public static int daypart(int localHour) {
        return localHour < 12 ? 0 : localHour < 17 ? 1 : localHour < 21 ? 2 : 3;
    }

    private final double[] weekdays;
    private final double[] dayparts;
    private final double priceSensitivity;
    private final double leadDays;
    private final double seatsPerOrder;

    /**
     * @param weekdays         fit of Monday … Sunday, in (0, 1]
     * @param dayparts         fit of the four dayparts, in (0, 1]
     * @param priceSensitivity 0 (price does not matter) … 1 (every krone counts)
     * @param leadDays         typical days between buying and the concert
     * @param seatsPerOrder    typical seats per order
     */
    public Habits(double[] weekdays, double[] dayparts, double priceSensitivity, double leadDays, double seatsPerOrder) {
        this.weekdays = weekdays.clone();
        this.dayparts = dayparts.clone();
        this.priceSensitivity = priceSensitivity;
        this.leadDays = leadDays;
        this.seatsPerOrder = seatsPerOrder;
    }

    /** Fit of the concert's weekday and daypart, in (0, 1]. */
    public double timeFit(ConcertPlan concert) {
        return weekdays[concert.weekday().getValue() - 1] * dayparts[daypart(concert.localHour())];
    }

    /** Fit of the cheapest ticket to the guest's purse, in (0, 1]. */
    public double priceFit(ConcertPlan concert) {
        double kroner = concert.minPriceMinor() / 100.0;
        return 1.0 / (1.0 + 2.0 * priceSensitivity * (kroner / 500.0) * (kroner / 500.0));
    }

    /** Fit of buying {@code days} ahead of the concert, in (0, 1]. */
    public double leadFit(double days) {
        return Math.exp(-Math.abs(Math.log(Math.max(days, 0.5) / leadDays)) / 1.2);
    }

    /** The price category the guest buys: {@code A} (best seats), {@code B} or {@code C} (cheapest). */
    public String priceBand() {
        return priceSensitivity < 0.3 ? "A" : priceSensitivity > 0.65 ? "C" : "B";
    }

    /** The price of one seat in the guest's band, øre. */
    public long seatPrice(ConcertPlan concert) {
        return switch (priceBand()) {
            case "A" -> concert.maxPriceMinor();
            case "C" -> concert.minPriceMinor();
            default -> Math.round((concert.minPriceMinor() + concert.maxPriceMinor()) / 1000.0) * 500;
        };
    }

    public double priceSensitivity() {
        return priceSensitivity;
    }

    public double leadDays() {
        return leadDays;
    }

    public double seatsPerOrder() {
        return seatsPerOrder;
    }

    public double weekday(int isoDay) {
        return weekdays[isoDay - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Habits h && Arrays.equals(weekdays, h.weekdays) && Arrays.equals(dayparts, h.dayparts)
                && priceSensitivity == h.priceSensitivity && leadDays == h.leadDays && seatsPerOrder == h.seatsPerOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(weekdays), Arrays.hashCode(dayparts), priceSensitivity, leadDays, seatsPerOrder);
    }
}
