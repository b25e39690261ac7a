package io.encore.scoring.model;

import java.util.Map;

/**
 * The penalty for concepts a guest opted out of (not interested, hidden ads, unfavourites, complaints). An
 * aversion's strength is a decayed sum in event-weight units (one "not interested" puts about 3–6 on the
 * concert's main concepts), so it is saturated: {@code 1 − e^(−a / 3)}, about 0.63 for strength 3 and near 1
 * for repeated signals. Each is weighed by the concept's weight relative to the concert's strongest concept:
 * rejecting a concert's headline (its performer, its main tag) should all but veto it, whereas rejecting a
 * term it merely mentions should only nudge it. The sum is capped at 1.
 */
final class Aversions {

    /** Strength at which an aversion counts 1 − 1/e ≈ 0.63. */
    static final float SCALE = 3f;

    private Aversions() {
    }

    /** min(1, Σ (weight / strongest weight) × (1 − e^(−aversion / SCALE))) over the concert's keys; allocation-free. */
    static float penalty(Map<String, Float> aversions, String[] keys, float[] weights) {
        float sum = 0f;
        float strongest = 0f;
        for (int c = 0; c < keys.length; c++) {
            strongest = Math.max(strongest, weights[c]);
            Float strength = aversions.get(keys[c]);
            if (strength != null && strength > 0f) {
                sum += weights[c] * (float) -Math.expm1(-strength / SCALE);
            }
        }
        return sum > 0f ? Math.min(1f, sum / strongest) : 0f;
    }
}
