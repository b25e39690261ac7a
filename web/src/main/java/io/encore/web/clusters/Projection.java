package io.encore.web.clusters;

/**
 * The first two principal components of a set of vectors, by power iteration on the covariance matrix with
 * deflation: a flat map of the taste space where the clusters can be seen. Deterministic (fixed start vector).
 */
public final class Projection {

    private static final int ITERATIONS = 100;

    private final double[] mean;
    private final double[] first;
    private final double[] second;

    private Projection(double[] mean, double[] first, double[] second) {
        this.mean = mean;
        this.first = first;
        this.second = second;
    }

    /** The projection of {@code points} (all of one dimension, at least one point). */
    public static Projection of(float[][] points) {
        int dimension = points[0].length;
        double[] mean = new double[dimension];
        for (float[] point : points) {
            for (int d = 0; d < dimension; d++) {
                mean[d] += point[d] / (double) points.length;
            }
        }
        double[][] covariance = new double[dimension][dimension];
        for (float[] point : points) {
            for (int i = 0; i < dimension; i++) {
                double di = point[i] - mean[i];
                for (int j = i; j < dimension; j++) {
                    covariance[i][j] += di * (point[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < i; j++) {
                covariance[i][j] = covariance[j][i];
            }
        }
        double[] first = principal(covariance);
        deflate(covariance, first);
        double[] second = principal(covariance);
        return new Projection(mean, first, second);
    }

    /** {@code [x, y]} of one vector. */
    public double[] apply(float[] point) {
        double x = 0;
        double y = 0;
        for (int d = 0; d < mean.length; d++) {
            double centred = point[d] - mean[d];
            x += centred * first[d];
            y += centred * second[d];
        }
        return new double[] {x, y};
    }

    private static double[] principal(double[][] matrix) {
        int n = matrix.length;
        double[] vector = new double[n];
        for (int i = 0; i < n; i++) {
            vector[i] = 1.0 / Math.sqrt(n) * (1 + (i % 7) * 0.01); // fixed, not orthogonal to any axis
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    next[i] += matrix[i][j] * vector[j];
                }
            }
            double norm = 0;
            for (double v : next) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return new double[n];
            }
            for (int i = 0; i < n; i++) {
                vector[i] = next[i] / norm;
            }
        }
        return vector;
    }

    private static void deflate(double[][] matrix, double[] vector) {
        int n = matrix.length;
        double eigenvalue = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                eigenvalue += vector[i] * matrix[i][j] * vector[j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] -= eigenvalue * vector[i] * vector[j];
            }
        }
    }
}
