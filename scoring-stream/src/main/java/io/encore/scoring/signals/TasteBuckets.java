package io.encore.scoring.signals;

import java.util.SplittableRandom;

/**
 * Locality-sensitive hashing of taste vectors into {@value #BITS}-bit buckets (random hyperplanes, a fixed
 * seed so every instance and every release agrees): guests whose tastes point the same way share a bucket
 * with high probability, which is how "twins" are found without comparing every pair of guests.
 */
public final class TasteBuckets {

    public static final int BITS = 12;
    private static final long SEED = 0x656e636f7265L; // "encore"

    private final float[][] planes;

    public TasteBuckets(int dimension) {
        SplittableRandom random = new SplittableRandom(SEED);
        planes = new float[BITS][dimension];
        for (float[] plane : planes) {
            for (int d = 0; d < dimension; d++) {
                plane[d] = (float) (random.nextDouble() * 2 - 1);
            }
        }
    }

    /** The bucket of a taste; -1 for an empty taste (no direction, no twins). */
    public int bucket(float[] taste) {
        boolean empty = true;
        int bucket = 0;
        for (int b = 0; b < BITS; b++) {
            double dot = 0;
            for (int d = 0; d < taste.length && d < planes[b].length; d++) {
                dot += planes[b][d] * taste[d];
                empty &= taste[d] == 0f;
            }
            if (dot > 0) {
                bucket |= 1 << b;
            }
        }
        return empty ? -1 : bucket;
    }

    /** The bucket and its {@value #BITS} neighbours one bit away: twins near a hyperplane are not lost. */
    public int[] withNeighbours(int bucket) {
        int[] buckets = new int[BITS + 1];
        buckets[0] = bucket;
        for (int b = 0; b < BITS; b++) {
            buckets[b + 1] = bucket ^ (1 << b);
        }
        return buckets;
    }

    public static String key(int bucket) {
        return "b:" + bucket;
    }
}
