package io.encore.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.encore.scoring.catalogue.Catalogue;

/**
 * The affinity models and the aversion penalty read interned concept ids and dense guest weights; this checks,
 * on random catalogues and guests, that they score exactly as the string-keyed arithmetic they replaced, kept
 * below as the oracle: a prefix check and a map lookup per concert concept key.
 */
class InternedConceptsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final int TRIALS = 300;
    /** Kinds the models know, one they ignore, one no kind has and a key without a kind. */
    private static final String[] PREFIXES = {"performer:", "composer:", "work:", "tag:", "hall:", "term:", "mood:",
        ""};
    private static final String[] PERFORMER_KINDS = {"performer:", "composer:", "work:"};
    private static final String[] TAG_KINDS = {"tag:"};

    @Test
    void shouldScoreExactlyAsTheMapBasedSumWhenPerformerAffinityRunsOnRandomData() {
        PerformerAffinityModel model = new PerformerAffinityModel();
        forRandomTrials((guest, catalogue, eligible, trial) -> {
            // given
            float[] expected = Vectors.untouched(catalogue);
            float[] actual = Vectors.untouched(catalogue);
            MapBased.affinity(guest, catalogue, eligible, PERFORMER_KINDS, expected);

            // when
            model.score(guest, catalogue, eligible, NOW, actual);

            // then
            assertThat(actual).as("trial %d", trial).containsExactly(expected);
        });
    }

    @Test
    void shouldScoreExactlyAsTheMapBasedSumWhenTagAffinityRunsOnRandomData() {
        TagAffinityModel model = new TagAffinityModel();
        forRandomTrials((guest, catalogue, eligible, trial) -> {
            // given
            float[] expected = Vectors.untouched(catalogue);
            float[] actual = Vectors.untouched(catalogue);
            MapBased.affinity(guest, catalogue, eligible, TAG_KINDS, expected);

            // when
            model.score(guest, catalogue, eligible, NOW, actual);

            // then
            assertThat(actual).as("trial %d", trial).containsExactly(expected);
        });
    }

    @Test
    void shouldPenaliseExactlyAsTheMapBasedPenaltyWhenConceptMatchRunsOnRandomData() {
        ConceptMatchModel model = new ConceptMatchModel();
        forRandomTrials((guest, catalogue, eligible, trial) -> {
            // given
            float[] expected = Vectors.untouched(catalogue);
            float[] actual = Vectors.untouched(catalogue);
            MapBased.conceptMatch(guest, catalogue, eligible, ConceptMatchModel.DEFAULT_AVERSION_WEIGHT, expected);

            // when
            model.score(guest, catalogue, eligible, NOW, actual);

            // then
            assertThat(actual).as("trial %d", trial).containsExactly(expected);
        });
    }

    @Test
    void shouldHaveDrawnGuestsThatShareConceptsWithTheCatalogueWhenTrialsAreGenerated() {
        // given: the trials above prove little if the random guests never matched anything
        int[] affine = new int[1];
        int[] penalised = new int[1];
        forRandomTrials((guest, catalogue, eligible, trial) -> {
            float[] affinity = Vectors.untouched(catalogue);
            float[] content = Vectors.untouched(catalogue);
            float[] unpenalised = Vectors.untouched(catalogue);

            // when
            MapBased.affinity(guest, catalogue, eligible, TAG_KINDS, affinity);
            MapBased.conceptMatch(guest, catalogue, eligible, ConceptMatchModel.DEFAULT_AVERSION_WEIGHT, content);
            MapBased.conceptMatch(guest, catalogue, eligible, 0f, unpenalised);
            for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
                affine[0] += affinity[i] > 0f ? 1 : 0;
                penalised[0] += content[i] < unpenalised[i] ? 1 : 0;
            }
        });

        // then
        assertThat(affine[0]).isGreaterThan(1_000);
        assertThat(penalised[0]).isGreaterThan(1_000);
    }

    @FunctionalInterface
    private interface Trial {
        void run(GuestView guest, Catalogue catalogue, BitSet eligible, int trial);
    }

    /** The same {@value #TRIALS} random catalogues (1–80 concerts), guests and eligible sets for every test. */
    private static void forRandomTrials(Trial body) {
        SplittableRandom random = new SplittableRandom(20_261_123L);
        for (int trial = 0; trial < TRIALS; trial++) {
            int vocabulary = 3 + random.nextInt(40);
            Catalogue catalogue = catalogue(random, 1 + random.nextInt(80), vocabulary);
            BitSet eligible = new BitSet(catalogue.size());
            for (int i = 0; i < catalogue.size(); i++) {
                eligible.set(i, random.nextInt(5) > 0);
            }
            body.run(guest(random, vocabulary), catalogue, eligible, trial);
        }
    }

    /** Up to 25 keys per concert, repeats allowed, a few zero weights, the rest normalised to sum to 1. */
    private static Catalogue catalogue(SplittableRandom random, int concerts, int vocabulary) {
        Catalogue.Builder builder = Catalogue.builder(Concerts.DIMENSION);
        for (int i = 0; i < concerts; i++) {
            int count = random.nextInt(26);
            String[] keys = new String[count];
            float[] weights = new float[count];
            float total = 0f;
            for (int c = 0; c < count; c++) {
                keys[c] = key(random, vocabulary);
                weights[c] = random.nextInt(10) == 0 ? 0f : 0.05f + random.nextFloat();
                total += weights[c];
            }
            for (int c = 0; c < count; c++) {
                weights[c] /= total;
            }
            builder.add(new Catalogue.Entry("c-" + i, vector(random), Catalogue.UNDATED, null, null, keys, weights,
                    new String[0], true, false));
        }
        return builder.build();
    }

    /** Liked and averse keys partly beyond the catalogue's names, with some zero and negative weights. */
    private static GuestView guest(SplittableRandom random, int vocabulary) {
        Map<String, Float> concepts = new HashMap<>();
        for (int k = random.nextInt(61); k > 0; k--) {
            float weight = random.nextInt(12) == 0 ? -random.nextFloat() : 5f * random.nextFloat();
            concepts.put(key(random, vocabulary + 10), weight);
        }
        Map<String, Float> aversions = new HashMap<>();
        for (int k = random.nextInt(9); k > 0; k--) {
            aversions.put(key(random, vocabulary + 10), random.nextInt(8) == 0 ? 0f : 8f * random.nextFloat());
        }
        float[] taste = random.nextInt(10) == 0 ? new float[0] : vector(random);
        return new GuestView("g-1", taste, concepts, aversions, new float[0], new float[0], new float[0], Map.of(),
                Map.of(), null, Set.of(), null);
    }

    private static String key(SplittableRandom random, int names) {
        return PREFIXES[random.nextInt(PREFIXES.length)] + "name " + random.nextInt(names);
    }

    private static float[] vector(SplittableRandom random) {
        float[] vector = new float[Concerts.DIMENSION];
        for (int k = 0; k < vector.length; k++) {
            vector[k] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** The arithmetic before interning, verbatim apart from the layout: strings and map lookups per concert key. */
    private static final class MapBased {

        static void affinity(GuestView guest, Catalogue catalogue, BitSet eligible, String[] prefixes, float[] scores) {
            Map<String, Float> concepts = guest.concepts();
            float max = 0f;
            for (Map.Entry<String, Float> entry : concepts.entrySet()) {
                if (entry.getValue() > max && hasAnyPrefix(entry.getKey(), prefixes)) {
                    max = entry.getValue();
                }
            }
            float inverseMax = max > 0f && Float.isFinite(max) ? 1f / max : 0f;
            for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
                String[] keys = catalogue.conceptKeys(i);
                float[] weights = catalogue.conceptWeights(i);
                float sum = 0f;
                for (int c = 0; c < keys.length; c++) {
                    Float weight = hasAnyPrefix(keys[c], prefixes) ? concepts.get(keys[c]) : null;
                    if (weight != null && weight > 0f) {
                        sum += weights[c] * weight;
                    }
                }
                scores[i] = inverseMax == 0f ? 0f : inverseMax * sum;
            }
        }

        static void conceptMatch(GuestView guest, Catalogue catalogue, BitSet eligible, float aversionWeight,
                                 float[] scores) {
            int dimension = catalogue.dimension();
            float inverseNorm = Kernel.inverseNorm(guest.taste(), dimension);
            Map<String, Float> aversions = guest.aversions();
            boolean penalise = aversionWeight > 0f && !aversions.isEmpty();
            for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
                float score = inverseNorm == 0f ? 0f
                        : Kernel.dot(guest.taste(), 0, catalogue.vectors(), i * dimension, dimension) * inverseNorm;
                if (penalise) {
                    score -= aversionWeight * penalty(aversions, catalogue.conceptKeys(i), catalogue.conceptWeights(i));
                }
                scores[i] = score;
            }
        }

        private static float penalty(Map<String, Float> aversions, String[] keys, float[] weights) {
            float sum = 0f;
            float strongest = 0f;
            for (int c = 0; c < keys.length; c++) {
                strongest = Math.max(strongest, weights[c]);
                Float strength = aversions.get(keys[c]);
                if (strength != null && strength > 0f) {
                    sum += weights[c] * (float) -Math.expm1(-strength / Aversions.SCALE);
                }
            }
            return sum > 0f ? Math.min(1f, sum / strongest) : 0f;
        }

        private static boolean hasAnyPrefix(String key, String[] prefixes) {
            return Arrays.stream(prefixes).anyMatch(key::startsWith);
        }
    }
}
