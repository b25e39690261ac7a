package io.encore.web.clusters;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding, deterministic for a given input order and seed: the operator view
 * must show the same clusters for the same population on every refresh. Squared Euclidean distance; the taste
 * vectors are unit length, where that ranks like cosine distance.
 */
public final class KMeans {

    private KMeans() {
    }

    /**
     * @param assignment the cluster of each point
     * @param centroids  the mean of each cluster's points
     * @param iterations Lloyd iterations until no point moved (or the bound)
     */
    public record Result(int[] assignment, float[][] centroids, int iterations) {

        public int k() {
            return centroids.length;
        }

        public int size(int cluster) {
            int size = 0;
            for (int assigned : assignment) {
                if (assigned == cluster) {
                    size++;
                }
            }
            return size;
        }
    }

    /**
     * Clusters {@code points} (all of one dimension) into at most {@code k} clusters; fewer when there are fewer
     * points. Empty input gives no clusters.
     */
    public static Result cluster(float[][] points, int k, long seed, int maxIterations) {
        int n = points.length;
        int clusters = Math.min(k, n);
        if (clusters == 0) {
            return new Result(new int[0], new float[0][], 0);
        }
        float[][] centroids = seed(points, clusters, new SplittableRandom(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean moved = true;
        while (moved && iteration < maxIterations) {
            iteration++;
            moved = assign(points, centroids, assignment);
            update(points, assignment, centroids);
        }
        return new Result(assignment, centroids, iteration);
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to D². */
    private static float[][] seed(float[][] points, int k, SplittableRandom random) {
        int n = points.length;
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = distance(points[i], centroids[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int chosen = total == 0 ? random.nextInt(n) : pick(nearest, random.nextDouble() * total);
            centroids[c] = points[chosen].clone();
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    private static int pick(double[] weights, double target) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (sum >= target && weights[i] > 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static boolean assign(float[][] points, float[][] centroids, int[] assignment) {
        boolean moved = false;
        for (int i = 0; i < points.length; i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < centroids.length; c++) {
                double d = distance(points[i], centroids[c]);
                if (d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
            if (assignment[i] != best) {
                assignment[i] = best;
                moved = true;
            }
        }
        return moved;
    }

    /** Each centroid becomes its points' mean; an emptied cluster takes the point farthest from its centre. */
    private static void update(float[][] points, int[] assignment, float[][] centroids) {
        int dimension = points[0].length;
        double[][] sums = new double[centroids.length][dimension];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            counts[assignment[i]]++;
            for (int d = 0; d < dimension; d++) {
                sums[assignment[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] == 0) {
                centroids[c] = points[farthest(points, assignment, centroids)].clone();
                continue;
            }
            for (int d = 0; d < dimension; d++) {
                centroids[c][d] = (float) (sums[c][d] / counts[c]);
            }
        }
    }

    private static int farthest(float[][] points, int[] assignment, float[][] centroids) {
        int farthest = 0;
        double max = -1;
        for (int i = 0; i < points.length; i++) {
            double d = distance(points[i], centroids[assignment[i]]);
            if (d > max) {
                max = d;
                farthest = i;
            }
        }
        return farthest;
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }
}
