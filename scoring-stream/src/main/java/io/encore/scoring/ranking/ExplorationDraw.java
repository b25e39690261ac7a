package io.encore.scoring.ranking;

import java.util.Arrays;
import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * A uniform random sample of eligible concerts outside an excluded set (the top of the list), drawn in one pass
 * by reservoir sampling (Vitter's algorithm R) into a bounded {@code int[]}, then shuffled, so exploration
 * costs no allocation per catalogue entry and is reproducible for a seed.
 */
final class ExplorationDraw {

    private ExplorationDraw() {
    }

    /**
     * Up to {@code sampleSize} eligible concerts with a non-NaN score that are not in {@code excludedSorted}
     * (ascending), in random order.
     */
    static int[] draw(float[] scores, BitSet eligible, int[] excludedSorted, int sampleSize, RandomGenerator random) {
        int[] reservoir = new int[sampleSize];
        int seen = 0;
        for (int i = eligible.nextSetBit(0); i >= 0 && sampleSize > 0; i = eligible.nextSetBit(i + 1)) {
            if (Float.isNaN(scores[i]) || Arrays.binarySearch(excludedSorted, i) >= 0) {
                continue;
            }
            if (seen < sampleSize) {
                reservoir[seen] = i;
            } else {
                int j = random.nextInt(seen + 1);
                if (j < sampleSize) {
                    reservoir[j] = i;
                }
            }
            seen++;
        }
        int filled = Math.min(seen, sampleSize);
        for (int i = filled - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = reservoir[i];
            reservoir[i] = reservoir[j];
            reservoir[j] = t;
        }
        return Arrays.copyOf(reservoir, filled);
    }
}
