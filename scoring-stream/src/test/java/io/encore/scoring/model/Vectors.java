package io.encore.scoring.model;

import java.util.Arrays;
import java.util.BitSet;

import io.encore.scoring.catalogue.Catalogue;

/** Small vectors, eligibility sets and score arrays for model tests. */
final class Vectors {

    /** What a score array holds before a model runs; an entry still holding it was not written. */
    static final float UNTOUCHED = -7f;

    private Vectors() {
    }

    /** The unit vector along {@code axis} in the test dimension. */
    static float[] axis(int axis) {
        float[] vector = new float[Concerts.DIMENSION];
        vector[axis] = 1f;
        return vector;
    }

    /** {@code values}, padded to the test dimension and scaled to unit length. */
    static float[] unit(float... values) {
        float[] vector = Arrays.copyOf(values, Concerts.DIMENSION);
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int k = 0; k < vector.length; k++) {
            vector[k] = (float) (vector[k] / Math.sqrt(norm));
        }
        return vector;
    }

    static BitSet all(Catalogue catalogue) {
        BitSet eligible = new BitSet(catalogue.size());
        eligible.set(0, catalogue.size());
        return eligible;
    }

    static BitSet only(int... concerts) {
        BitSet eligible = new BitSet();
        for (int concert : concerts) {
            eligible.set(concert);
        }
        return eligible;
    }

    static float[] untouched(Catalogue catalogue) {
        float[] scores = new float[catalogue.size()];
        Arrays.fill(scores, UNTOUCHED);
        return scores;
    }
}
