package io.encore.simulator.random;

import java.util.List;
import java.util.SplittableRandom;

/** The few distributions the simulation draws from, over a caller's stream (so draws stay deterministic). */
public final class Draw {

    private Draw() {
    }

    public static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    public static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** A standard normal by Box–Muller (one of the pair; the simulation needs few). */
    public static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** A log-normal with the given median and shape σ: heavy-tailed, like purchase frequencies. */
    public static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(random));
    }

    /** An exponential waiting time with the given mean. */
    public static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** Poisson by inversion for small means, normal approximation beyond 30 (counts per guest-year are small). */
    public static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Beta(a, b) from two gammas (Marsaglia–Tsang), for shares and rates in [0, 1]. */
    public static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** An index drawn with probability proportional to {@code weights[i]}; -1 when every weight is zero. */
    public static int weighted(SplittableRandom random, double[] weights) {
        return weighted(random, weights, weights.length);
    }

    /** As {@link #weighted(SplittableRandom, double[])} over the first {@code count} weights. */
    public static int weighted(SplittableRandom random, double[] weights, int count) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += weights[i];
        }
        if (total <= 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < count; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return count - 1;
    }

    public static <T> T oneOf(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
