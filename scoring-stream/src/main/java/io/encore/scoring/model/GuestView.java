package io.encore.scoring.model;

import java.util.Map;
import java.util.Set;

/**
 * What a model may know of one guest, in the shapes scoring needs: the dense taste as a {@code float[]}, the
 * concept weights by key ({@code kind:name}, as in concert profiles), habits as shares. Built once per
 * re-scoring from the guest's published profile.
 *
 * @param taste           taste vector (same space as concert vectors), not necessarily unit length
 * @param concepts        positive concept weights by key ({@code performer:…}, {@code tag:…}, {@code term:…})
 * @param aversions       aversion strengths by key (non-negative)
 * @param weekdays        share of purchases per concert weekday, Monday first (7 values, or empty)
 * @param dayparts        share per concert start: before 12, 12–17, 17–21, from 21 (4 values, or empty)
 * @param leadTimes       share per days bought ahead: <7, 7–29, 30–89, 90+ (4 values, or empty)
 * @param halls           share of purchases per hall
 * @param priceBands      share of purchases per price band ({@code low}, {@code mid}, {@code high})
 * @param behaviourGroup  lower-case lifecycle segment, e.g. {@code loyal}; null when unknown
 * @param purchased       concert ids the guest holds tickets for
 * @param context         the moment of the request, when known (web); null otherwise
 */
public record GuestView(String guestId, float[] taste, Map<String, Float> concepts, Map<String, Float> aversions,
                        float[] weekdays, float[] dayparts, float[] leadTimes, Map<String, Float> halls,
                        Map<String, Float> priceBands, String behaviourGroup, Set<String> purchased,
                        Context context) {

    /** The request's context: device ({@code MOBILE}, {@code DESKTOP}…) and local hour, when the channel knows. */
    public record Context(String device, int hourOfDay) {
    }

    public boolean hasHabits() {
        return weekdays.length == 7;
    }
}
