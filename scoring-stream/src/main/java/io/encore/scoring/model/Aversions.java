package io.encore.scoring.model;

import java.util.Map;

import io.encore.scoring.catalogue.ConceptVocabulary;

/**
 * The penalty for concepts a guest opted out of (not interested, hidden ads, unfavourites, complaints). An
 * aversion's strength is a decayed sum in event-weight units (one "not interested" puts about 3–6 on the
 * concert's main concepts), so it is saturated: {@code 1 − e^(−a / 3)}, about 0.63 for strength 3 and near 1
 * for repeated signals. Each is weighed by the concept's weight relative to the concert's strongest concept:
 * rejecting a concert's headline (its performer, its main tag) should all but veto it, whereas rejecting a
 * term it merely mentions should only nudge it. The sum is capped at 1.
 *
 * <p>The saturation depends on the guest alone, so it is computed once per call for each aversion, laid out by
 * concept id ({@link #saturations}); the per-concert {@link #penalty} then only reads arrays.
 */
final class Aversions {

    /** Strength at which an aversion counts 1 − 1/e ≈ 0.63. */
    static final float SCALE = 3f;

    private Aversions() {
    }

    /** {@code 1 − e^(−aversion / SCALE)} by concept id for the guest's positive aversions, 0 elsewhere. */
    static float[] saturations(Map<String, Float> aversions, ConceptVocabulary vocabulary) {
        float[] saturations = new float[vocabulary.size()];
        for (Map.Entry<String, Float> entry : aversions.entrySet()) {
            int id = vocabulary.id(entry.getKey());
            Float strength = entry.getValue();
            if (id >= 0 && strength != null && strength > 0f) {
                saturations[id] = (float) -Math.expm1(-strength / SCALE);
            }
        }
        return saturations;
    }

    /** min(1, Σ (weight / strongest weight) × saturation) over the concert's concepts; allocation-free. */
    static float penalty(float[] saturations, int[] ids, float[] weights) {
        float sum = 0f;
        float strongest = 0f;
        for (int c = 0; c < ids.length; c++) {
            strongest = Math.max(strongest, weights[c]);
            float saturation = saturations[ids[c]];
            if (saturation > 0f) {
                sum += weights[c] * saturation;
            }
        }
        return sum > 0f ? Math.min(1f, sum / strongest) : 0f;
    }
}
