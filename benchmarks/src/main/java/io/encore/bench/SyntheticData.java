package io.encore.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.model.GuestView;

/**
 * A seeded, synthetic concert hall at the size the platform notes measure (1,000 concerts × 64 dimensions,
 * ~20 concepts per concert, ~60 per guest). Concept keys are drawn from fixed vocabularies per kind, so a
 * guest shares some performers and many tags with the catalogue, as a real guest does; vectors are random
 * unit vectors, which is all the kernel's cost depends on.
 */
final class SyntheticData {

    static final int CONCERTS = 1_000;
    static final int DIMENSION = 64;
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final List<String> GROUPS = List.of("loyal", "new", "lapsing");

    private static final long DAY_MILLIS = 86_400_000L;
    private static final String[] HALLS = {"main hall", "studio", "chamber hall"};
    private static final String[] PRICE_BANDS = {"low", "mid", "high"};

    /** Vocabulary per kind: how many names exist, how many a concert carries and how many a guest likes. */
    private enum Kind {
        PERFORMER("performer:", 400, 2, 8),
        COMPOSER("composer:", 120, 1, 4),
        WORK("work:", 300, 1, 4),
        TAG("tag:", 60, 4, 12),
        TERM("term:", 3_000, 12, 32);

        final String prefix;
        final int vocabulary;
        final int perConcert;
        final int perGuest;

        Kind(String prefix, int vocabulary, int perConcert, int perGuest) {
            this.prefix = prefix;
            this.vocabulary = vocabulary;
            this.perConcert = perConcert;
            this.perGuest = perGuest;
        }

        String key(int n) {
            return prefix + name().toLowerCase(Locale.ROOT) + " " + n;
        }
    }

    private SyntheticData() {
    }

    static String concertId(int i) {
        return "concert-" + i;
    }

    /** Every concert on sale and upcoming, so {@code eligible(NOW, none)} is the whole catalogue. */
    static Catalogue catalogue(SplittableRandom random) {
        Catalogue.Builder builder = Catalogue.builder(DIMENSION);
        for (int i = 0; i < CONCERTS; i++) {
            builder.add(concert(random, i));
        }
        return builder.build();
    }

    private static Catalogue.Entry concert(SplittableRandom random, int i) {
        List<String> keys = new ArrayList<>();
        List<String> performers = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String key : draw(random, kind, kind.perConcert)) {
                keys.add(key);
                if (kind == Kind.PERFORMER || kind == Kind.COMPOSER) {
                    performers.add(key.substring(kind.prefix.length()));
                }
            }
        }
        long start = NOW.toEpochMilli() + (1 + random.nextInt(180)) * DAY_MILLIS + random.nextInt(12) * 3_600_000L;
        return new Catalogue.Entry(concertId(i), unitVector(random), start, HALLS[random.nextInt(HALLS.length)],
                PRICE_BANDS[random.nextInt(PRICE_BANDS.length)], keys.toArray(new String[0]),
                normalisedWeights(random, keys.size()), performers.toArray(new String[0]), true,
                random.nextInt(10) == 0);
    }

    /**
     * A guest with a random taste (not unit length, as a decayed sum is not), ~60 liked concepts, habits,
     * a behaviour group, five purchases and a mobile evening context; {@code aversions} concepts opted out of.
     */
    static GuestView guest(SplittableRandom random, int aversions) {
        Map<String, Float> concepts = new HashMap<>();
        for (Kind kind : Kind.values()) {
            for (String key : draw(random, kind, kind.perGuest)) {
                concepts.put(key, 0.1f + 4f * random.nextFloat());
            }
        }
        Map<String, Float> averse = new HashMap<>();
        for (String key : draw(random, Kind.TAG, aversions)) {
            concepts.remove(key);
            averse.put(key, 1f + 5f * random.nextFloat());
        }
        Set<String> purchased = new LinkedHashSet<>();
        while (purchased.size() < 5) {
            purchased.add(concertId(random.nextInt(CONCERTS)));
        }
        float[] taste = unitVector(random);
        for (int k = 0; k < taste.length; k++) {
            taste[k] *= 7.5f;
        }
        // The map and set types GuestViews.of builds in production: lookups cost what they cost there.
        return new GuestView("guest-1", taste, concepts, averse, shares(random, 7), shares(random, 4),
                shares(random, 4), Map.of("main hall", 0.6f, "studio", 0.4f), Map.of("mid", 0.7f, "high", 0.3f),
                "loyal", new HashSet<>(purchased), new GuestView.Context("MOBILE", 19));
    }

    /** 20 neighbours per concert, velocities for every concert overall and per group, 150 concerts bought by twins. */
    static InMemorySignals signals(SplittableRandom random) {
        Map<String, Map<String, Float>> neighbours = new HashMap<>();
        Map<String, Float> overall = new HashMap<>();
        Map<String, Map<String, Float>> byGroup = new HashMap<>();
        Map<String, Float> twins = new HashMap<>();
        for (int i = 0; i < CONCERTS; i++) {
            Map<String, Float> near = new HashMap<>();
            while (near.size() < 20) {
                near.put(concertId(random.nextInt(CONCERTS)), 0.5f + 10f * random.nextFloat());
            }
            neighbours.put(concertId(i), near);
            overall.put(concertId(i), 20f * random.nextFloat());
        }
        for (String group : GROUPS) {
            Map<String, Float> velocities = new HashMap<>();
            for (int i = 0; i < CONCERTS; i++) {
                if (random.nextBoolean()) {
                    velocities.put(concertId(i), 10f * random.nextFloat());
                }
            }
            byGroup.put(group, velocities);
        }
        while (twins.size() < 150) {
            twins.put(concertId(random.nextInt(CONCERTS)), 1f + 30f * random.nextFloat());
        }
        return new InMemorySignals(neighbours, overall, byGroup, twins);
    }

    private static Set<String> draw(SplittableRandom random, Kind kind, int count) {
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            keys.add(kind.key(random.nextInt(kind.vocabulary)));
        }
        return keys;
    }

    private static float[] unitVector(SplittableRandom random) {
        float[] vector = new float[DIMENSION];
        double squared = 0;
        for (int k = 0; k < DIMENSION; k++) {
            double value = random.nextGaussian();
            vector[k] = (float) value;
            squared += value * value;
        }
        float inverse = (float) (1.0 / Math.sqrt(squared));
        for (int k = 0; k < DIMENSION; k++) {
            vector[k] *= inverse;
        }
        return vector;
    }

    private static float[] normalisedWeights(SplittableRandom random, int count) {
        float[] weights = new float[count];
        for (int c = 0; c < count; c++) {
            weights[c] = 0.2f + random.nextFloat();
        }
        return normalised(weights);
    }

    /** Habit shares with one favourite bucket, as a regular guest has. */
    private static float[] shares(SplittableRandom random, int buckets) {
        float[] shares = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            shares[b] = random.nextFloat();
        }
        shares[random.nextInt(buckets)] += 2f;
        return normalised(shares);
    }

    private static float[] normalised(float[] values) {
        float total = 0f;
        for (float value : values) {
            total += value;
        }
        for (int k = 0; k < values.length; k++) {
            values[k] /= total;
        }
        return values;
    }
}
