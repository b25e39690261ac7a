package io.encore.scoring.model;

import io.encore.scoring.catalogue.Catalogue;

/**
 * The scoring kernel: dot products over slices of the catalogue's contiguous vector array. It is the one loop
 * every taste-based model runs once per eligible concert, so it is kept plain and branch-free: four independent
 * accumulators break the floating-point add dependency chain (the JIT may not reorder float adds itself),
 * which lets the CPU pipeline (and C2 vectorise) the multiply-adds.
 */
public final class Kernel {

    private Kernel() {
    }

    /**
     * Σ a[aOffset + k] · b[bOffset + k] for k in [0, length). Sums in four lanes, so the result may differ from
     * a sequential sum in the last bits.
     */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (int end = length - 3; k < end; k += 4) {
            s0 += a[aOffset + k] * b[bOffset + k];
            s1 += a[aOffset + k + 1] * b[bOffset + k + 1];
            s2 += a[aOffset + k + 2] * b[bOffset + k + 2];
            s3 += a[aOffset + k + 3] * b[bOffset + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aOffset + k] * b[bOffset + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * 1 / ‖taste‖ when {@code taste} can be compared with vectors of {@code dimension}; 0 when it is empty, of
     * another dimension (a profile from before a change of the vector space) or all zeros. Multiplying a dot
     * product by it turns it into the cosine against a unit concert vector, and a 0 means "no taste".
     */
    public static float inverseNorm(float[] taste, int dimension) {
        if (taste.length != dimension) {
            return 0f;
        }
        float squared = dot(taste, 0, taste, 0, dimension);
        return squared > 0f && Float.isFinite(squared) ? (float) (1.0 / Math.sqrt(squared)) : 0f;
    }

    /** The cosine of {@code taste} and one concert's unit vector; 0 for no taste. For explanations, not loops. */
    static float cosine(float[] taste, Catalogue catalogue, int concert) {
        int dimension = catalogue.dimension();
        float inverseNorm = inverseNorm(taste, dimension);
        return inverseNorm == 0f ? 0f : dot(taste, 0, catalogue.vectors(), concert * dimension, dimension) * inverseNorm;
    }
}
