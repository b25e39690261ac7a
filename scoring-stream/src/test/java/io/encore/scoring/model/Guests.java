package io.encore.scoring.model;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made guest views for model tests: no taste, concepts, habits, group, purchases or context unless told. */
final class Guests {

    private float[] taste = new float[0];
    private final Map<String, Float> concepts = new HashMap<>();
    private final Map<String, Float> aversions = new HashMap<>();
    private float[] weekdays = new float[0];
    private float[] dayparts = new float[0];
    private float[] leadTimes = new float[0];
    private final Map<String, Float> halls = new HashMap<>();
    private final Map<String, Float> priceBands = new HashMap<>();
    private String behaviourGroup;
    private final Set<String> purchased = new LinkedHashSet<>();
    private GuestView.Context context;

    private Guests() {
    }

    static Guests guest() {
        return new Guests();
    }

    Guests taste(float[] value) {
        taste = value;
        return this;
    }

    Guests likes(String key, float weight) {
        concepts.put(key, weight);
        return this;
    }

    Guests dislikes(String key, float strength) {
        aversions.put(key, strength);
        return this;
    }

    Guests weekdays(float... shares) {
        weekdays = shares;
        return this;
    }

    Guests dayparts(float... shares) {
        dayparts = shares;
        return this;
    }

    Guests leadTimes(float... shares) {
        leadTimes = shares;
        return this;
    }

    Guests hall(String hall, float share) {
        halls.put(hall, share);
        return this;
    }

    Guests priceBand(String band, float share) {
        priceBands.put(band, share);
        return this;
    }

    Guests group(String value) {
        behaviourGroup = value;
        return this;
    }

    Guests bought(String... concertIds) {
        purchased.addAll(List.of(concertIds));
        return this;
    }

    Guests context(String device, int hourOfDay) {
        context = new GuestView.Context(device, hourOfDay);
        return this;
    }

    GuestView view() {
        return new GuestView("g-1", taste, Map.copyOf(concepts), Map.copyOf(aversions), weekdays, dayparts, leadTimes,
                Map.copyOf(halls), Map.copyOf(priceBands), behaviourGroup, Set.copyOf(purchased), context);
    }
}
