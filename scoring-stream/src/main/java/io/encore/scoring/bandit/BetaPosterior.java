package io.encore.scoring.bandit;

import java.util.random.RandomGenerator;

/**
 * What the bandit believes about one arm's reward rate: a Beta(alpha, beta) distribution. Rewards in [0, 1]
 * update it as fractional successes (alpha grows by the reward, beta by its complement), which keeps the
 * conjugate update exact for 0/1 rewards and a sensible pseudo-count for a click worth 0.3.
 *
 * @param alpha prior plus accumulated reward; positive and finite
 * @param beta  prior plus accumulated "no reward"; positive and finite
 */
public record BetaPosterior(double alpha, double beta) {

    /** Beta(1, 1): uniform, the prior of every new arm. */
    public static final BetaPosterior UNIFORM = new BetaPosterior(1.0, 1.0);

    public BetaPosterior {
        if (!(alpha > 0.0) || !(beta > 0.0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be positive and finite, got " + alpha + ", " + beta);
        }
    }

    /** The posterior after one observed reward in [0, 1]. */
    public BetaPosterior update(double reward) {
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new IllegalArgumentException("reward must be in [0, 1], got " + reward);
        }
        return new BetaPosterior(alpha + reward, beta + 1.0 - reward);
    }

    /**
     * This posterior with its evidence shrunk towards {@code prior} by {@code factor} in (0, 1]:
     * {@code alpha' = prior.alpha + factor·(alpha − prior.alpha)}, likewise beta. With factor 1 nothing changes.
     */
    public BetaPosterior discount(double factor, BetaPosterior prior) {
        if (!(factor > 0.0 && factor <= 1.0)) {
            throw new IllegalArgumentException("discount factor must be in (0, 1], got " + factor);
        }
        return new BetaPosterior(prior.alpha + factor * (alpha - prior.alpha),
                prior.beta + factor * (beta - prior.beta));
    }

    /** Expected reward rate, {@code alpha / (alpha + beta)}. */
    public double mean() {
        return alpha / (alpha + beta);
    }

    /** Variance, {@code alpha·beta / ((alpha + beta)²·(alpha + beta + 1))}. */
    public double variance() {
        double sum = alpha + beta;
        return alpha * beta / (sum * sum * (sum + 1.0));
    }

    /** One draw from Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
    public double sample(RandomGenerator random) {
        double x = Gamma.sample(alpha, random);
        double y = Gamma.sample(beta, random);
        double sum = x + y;
        // Both draws can underflow to 0 only for tiny shapes; the mean is the honest answer then.
        return sum > 0.0 ? x / sum : mean();
    }
}
