package io.encore.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.encore.scoring.catalogue.Catalogue;

/** Hand-made concerts for model tests: on sale, undated, no hall or band unless told. */
final class Concerts {

    static final int DIMENSION = 8;

    private final String id;
    private float[] vector = Vectors.axis(0);
    private long startTime = Catalogue.UNDATED;
    private String hall;
    private String priceBand;
    private final List<String> keys = new ArrayList<>();
    private final List<Float> weights = new ArrayList<>();
    private String[] performers = new String[0];
    private boolean newToVenue;

    private Concerts(String id) {
        this.id = id;
    }

    static Concerts concert(String id) {
        return new Concerts(id);
    }

    Concerts vector(float[] value) {
        vector = value;
        return this;
    }

    Concerts startsAt(String instant) {
        startTime = Instant.parse(instant).toEpochMilli();
        return this;
    }

    Concerts hall(String value) {
        hall = value;
        return this;
    }

    Concerts priceBand(String value) {
        priceBand = value;
        return this;
    }

    Concerts concept(String key, float weight) {
        keys.add(key);
        weights.add(weight);
        return this;
    }

    Concerts performers(String... names) {
        performers = names.clone();
        return this;
    }

    Concerts newToVenue() {
        newToVenue = true;
        return this;
    }

    Catalogue.Entry entry() {
        float[] conceptWeights = new float[weights.size()];
        for (int c = 0; c < conceptWeights.length; c++) {
            conceptWeights[c] = weights.get(c);
        }
        return new Catalogue.Entry(id, vector, startTime, hall, priceBand, keys.toArray(new String[0]), conceptWeights,
                performers, true, newToVenue);
    }

    static Catalogue catalogue(Concerts... concerts) {
        Catalogue.Builder builder = Catalogue.builder(DIMENSION);
        for (Concerts concert : concerts) {
            builder.add(concert.entry());
        }
        return builder.build();
    }
}
