package io.encore.scoring.model;

import java.util.Map;

import io.encore.scoring.catalogue.Catalogue;

/**
 * A guest's habit shares turned into fits in [0, 1]: each share divided by the guest's largest share of the
 * same habit, so the guest's usual weekday, daypart, lead time, hall or price band fits 1 and one never chosen
 * fits 0. A habit the guest has no data for, and a concert fact that is unknown (undated, no hall, no band),
 * fits {@link #NEUTRAL}. Built once per guest and scoring call.
 */
final class HabitFit {

    /** Neither a match nor a mismatch. */
    static final float NEUTRAL = 0.5f;

    private static final long DAY_MILLIS = 86_400_000L;

    private final float[] weekdays;
    private final float[] dayparts;
    private final float[] leadTimes;
    private final Map<String, Float> halls;
    private final float hallInverseMax;
    private final Map<String, Float> priceBands;
    private final float priceInverseMax;

    private HabitFit(GuestView guest) {
        weekdays = relative(guest.weekdays(), 7);
        dayparts = relative(guest.dayparts(), 4);
        leadTimes = relative(guest.leadTimes(), 4);
        halls = guest.halls();
        hallInverseMax = inverseMax(halls);
        priceBands = guest.priceBands();
        priceInverseMax = inverseMax(priceBands);
    }

    static HabitFit of(GuestView guest) {
        return new HabitFit(guest);
    }

    /** The habit bucket of days bought ahead: <7, 7–29, 30–89, 90+; {@link ConcertCalendar#UNDATED} if undated. */
    static int leadTime(long startTime, long now) {
        if (startTime == Catalogue.UNDATED) {
            return ConcertCalendar.UNDATED;
        }
        long days = Math.max(0L, startTime - now) / DAY_MILLIS;
        return days < 7 ? 0 : days < 30 ? 1 : days < 90 ? 2 : 3;
    }

    float weekday(int weekday) {
        return bucket(weekdays, weekday);
    }

    float daypart(int daypart) {
        return bucket(dayparts, daypart);
    }

    float leadTime(int bucket) {
        return bucket(leadTimes, bucket);
    }

    float hall(String hall) {
        return share(halls, hallInverseMax, hall);
    }

    float priceBand(String band) {
        return share(priceBands, priceInverseMax, band);
    }

    private static float bucket(float[] fits, int bucket) {
        return fits == null || bucket < 0 ? NEUTRAL : fits[bucket];
    }

    private static float share(Map<String, Float> shares, float inverseMax, String key) {
        if (inverseMax == 0f || key == null) {
            return NEUTRAL;
        }
        Float share = shares.get(key);
        return share == null || !(share > 0f) ? 0f : Math.min(1f, share * inverseMax);
    }

    /** Shares / their maximum, or null when the habit is missing, malformed or all zero. */
    private static float[] relative(float[] shares, int length) {
        if (shares.length != length) {
            return null;
        }
        float max = 0f;
        for (float share : shares) {
            max = Math.max(max, share);
        }
        if (!(max > 0f) || !Float.isFinite(max)) {
            return null;
        }
        float[] fits = new float[length];
        for (int k = 0; k < length; k++) {
            fits[k] = Math.max(0f, shares[k] / max);
        }
        return fits;
    }

    private static float inverseMax(Map<String, Float> shares) {
        float max = 0f;
        for (Float share : shares.values()) {
            max = Math.max(max, share);
        }
        return max > 0f && Float.isFinite(max) ? 1f / max : 0f;
    }
}
