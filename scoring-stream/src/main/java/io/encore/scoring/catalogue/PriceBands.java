package io.encore.scoring.catalogue;

/**
 * Price bands from the cheapest seat, in minor units of the venue's currency: {@code low} below 250.00,
 * {@code mid} below 500.00, {@code high} from 500.00. Ticket sales should carry the same band names in
 * {@code priceBand} so a guest's habits and a concert's band meet.
 */
public final class PriceBands {

    public static final long MID_FROM_MINOR = 25_000;
    public static final long HIGH_FROM_MINOR = 50_000;

    private PriceBands() {
    }

    public static String of(long cheapestSeatMinor) {
        return cheapestSeatMinor < MID_FROM_MINOR ? "low" : cheapestSeatMinor < HIGH_FROM_MINOR ? "mid" : "high";
    }
}
