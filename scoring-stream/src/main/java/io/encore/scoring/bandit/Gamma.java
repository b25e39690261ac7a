package io.encore.scoring.bandit;

import java.util.random.RandomGenerator;

/**
 * Gamma(shape, 1) variates by Marsaglia and Tsang (2000), "A simple method for generating gamma variables":
 * rejection from a transformed normal, accepting more than 95% of proposals for every shape, so sampling a
 * Beta costs a few normal and uniform draws and needs no numerics library.
 */
final class Gamma {

    private Gamma() {
    }

    /** One draw of Gamma({@code shape}, 1); {@code shape} must be positive and finite. */
    static double sample(double shape, RandomGenerator random) {
        if (shape < 1.0) {
            // Boost: if X ~ Gamma(a + 1) and U ~ U(0,1) then X·U^(1/a) ~ Gamma(a).
            double u = random.nextDouble();
            return sample(shape + 1.0, random) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            // Cheap squeeze first, then the exact log test.
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
