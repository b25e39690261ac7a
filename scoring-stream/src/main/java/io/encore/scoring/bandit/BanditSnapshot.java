package io.encore.scoring.bandit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole state of one {@link ThompsonBandit} as plain values, so the topology can keep it in a state store
 * with any serde (JSON, Avro map) and restore it after a restart or rebalance. Arms are kept sorted by name:
 * the order is canonical, so a restored bandit draws in the same order and a seeded run replays exactly.
 *
 * @param arms state per arm name
 */
public record BanditSnapshot(SortedMap<String, Arm> arms) {

    /**
     * One arm's state.
     *
     * @param alpha      Beta posterior alpha (prior 1 plus discounted rewards)
     * @param beta       Beta posterior beta (prior 1 plus discounted non-rewards)
     * @param selections times {@link ThompsonBandit#choose} picked the arm (never discounted)
     */
    public record Arm(double alpha, double beta, long selections) {

        public Arm {
            if (selections < 0) {
                throw new IllegalArgumentException("selections must not be negative, got " + selections);
            }
            if (!(alpha > 0.0) || !(beta > 0.0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("alpha and beta must be positive and finite, got " + alpha + ", " + beta);
            }
        }

        BetaPosterior posterior() {
            return new BetaPosterior(alpha, beta);
        }
    }

    public BanditSnapshot {
        Objects.requireNonNull(arms, "arms");
        arms = Collections.unmodifiableSortedMap(new TreeMap<>(arms));
    }

    /** A snapshot from any map (for example one a serde produced); arms are sorted by name. */
    public static BanditSnapshot of(Map<String, Arm> arms) {
        return new BanditSnapshot(new TreeMap<>(arms));
    }
}
