package io.encore.scoring.bandit;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Chooses which scoring model (arm) orders the lists of one context — one channel and one behaviour group —
 * by Thompson sampling: draw a plausible reward rate from every arm's {@link BetaPosterior} and play the
 * highest. Arms that look good are played more, arms still uncertain keep a chance, so the eight models compete
 * continuously without a hand-run A/B test.
 *
 * <p><b>Propensity.</b> {@link #choose} also estimates the probability that the chosen arm would be chosen,
 * by Monte Carlo: the decisive draw plus {@code propensityDraws} further rounds of sampling all arms,
 * {@code p = (1 + wins) / (1 + propensityDraws)}. Counting the decisive draw keeps p at least
 * {@code 1 / (1 + propensityDraws)}, so inverse-propensity weights in off-policy evaluation stay bounded.
 *
 * <p><b>Discount.</b> With a factor γ below 1, every reward first shrinks all arms' evidence towards the
 * Beta(1, 1) prior by γ, then adds the reward. The bandit then remembers roughly the last {@code 1 / (1 − γ)}
 * rewards of its context (γ = 0.999: about a thousand, half of the weight in the last ~700), so it adapts when
 * tastes shift, at the price of never becoming fully certain. γ = 1 (the default) never forgets.
 *
 * <p>Arms are kept sorted by name, so a seeded run draws in the same order after a snapshot round trip. Not
 * thread-safe: the topology holds one instance per context in one stream thread.
 */
public final class ThompsonBandit {

    public static final double NO_DISCOUNT = 1.0;
    public static final int DEFAULT_PROPENSITY_DRAWS = 200;

    /**
     * The arm to play and its estimated selection probability, for {@code RecommendationSet.armPropensity}.
     *
     * @param propensity in (0, 1]
     */
    public record Choice(String arm, double propensity) {
    }

    private final String[] arms;
    private final BetaPosterior[] posteriors;
    private final long[] selections;
    private final double discount;
    private final int propensityDraws;

    /** A bandit with every arm at the Beta(1, 1) prior, no discount and 200 propensity draws. */
    public ThompsonBandit(Collection<String> arms) {
        this(arms, NO_DISCOUNT, DEFAULT_PROPENSITY_DRAWS);
    }

    /** A bandit with every arm at the Beta(1, 1) prior, discount γ in (0, 1] and 200 propensity draws. */
    public ThompsonBandit(Collection<String> arms, double discount) {
        this(arms, discount, DEFAULT_PROPENSITY_DRAWS);
    }

    /**
     * A bandit with every arm at the Beta(1, 1) prior.
     *
     * @param discount        γ in (0, 1]; 1 = never forget
     * @param propensityDraws extra sampling rounds for the propensity estimate, at least 0
     */
    public ThompsonBandit(Collection<String> arms, double discount, int propensityDraws) {
        this(sortedArms(arms), discount, propensityDraws, Map.of());
    }

    private ThompsonBandit(String[] arms, double discount, int propensityDraws, Map<String, BanditSnapshot.Arm> state) {
        if (!(discount > 0.0 && discount <= 1.0)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        if (propensityDraws < 0) {
            throw new IllegalArgumentException("propensityDraws must not be negative, got " + propensityDraws);
        }
        this.arms = arms;
        this.posteriors = new BetaPosterior[arms.length];
        this.selections = new long[arms.length];
        this.discount = discount;
        this.propensityDraws = propensityDraws;
        for (int i = 0; i < arms.length; i++) {
            BanditSnapshot.Arm saved = state.get(arms[i]);
            posteriors[i] = saved == null ? BetaPosterior.UNIFORM : saved.posterior();
            selections[i] = saved == null ? 0 : saved.selections();
        }
    }

    /** Restores exactly the arms and state of {@code snapshot}, with no discount and 200 propensity draws. */
    public static ThompsonBandit fromSnapshot(BanditSnapshot snapshot) {
        return fromSnapshot(snapshot, snapshot.arms().keySet(), NO_DISCOUNT, DEFAULT_PROPENSITY_DRAWS);
    }

    /**
     * Restores a bandit over {@code arms}: arms in the snapshot keep their state, new arms start at the prior,
     * and snapshot arms not listed (a retired model) are dropped. Discount and draws are configuration, not
     * state, so the caller passes them again.
     */
    public static ThompsonBandit fromSnapshot(BanditSnapshot snapshot, Collection<String> arms, double discount,
                                              int propensityDraws) {
        return new ThompsonBandit(sortedArms(arms), discount, propensityDraws, snapshot.arms());
    }

    /** Samples every arm, plays the best, counts the selection and estimates its propensity. */
    public Choice choose(RandomGenerator random) {
        int chosen = bestSample(random);
        int wins = 1;
        if (arms.length > 1) {
            for (int draw = 0; draw < propensityDraws; draw++) {
                if (bestSample(random) == chosen) {
                    wins++;
                }
            }
        } else {
            wins += propensityDraws;
        }
        selections[chosen]++;
        return new Choice(arms[chosen], wins / (double) (propensityDraws + 1));
    }

    /**
     * Records one observed reward in [0, 1] for {@code arm}, after discounting all arms when γ is below 1.
     *
     * @return false, changing nothing, when the arm is unknown (e.g. a model retired since the list was shown)
     */
    public boolean reward(String arm, double reward) {
        int i = indexOf(arm);
        if (i < 0) {
            return false;
        }
        BetaPosterior updated = posteriors[i].update(reward); // validates before anything changes
        if (discount < 1.0) {
            for (int j = 0; j < posteriors.length; j++) {
                posteriors[j] = posteriors[j].discount(discount, BetaPosterior.UNIFORM);
            }
            updated = posteriors[i].update(reward);
        }
        posteriors[i] = updated;
        return true;
    }

    public List<String> arms() {
        return List.of(arms);
    }

    /** The current posterior of {@code arm}; throws for an unknown arm. */
    public BetaPosterior posterior(String arm) {
        return posteriors[requireArm(arm)];
    }

    /** How often {@code arm} was chosen; throws for an unknown arm. */
    public long selections(String arm) {
        return selections[requireArm(arm)];
    }

    public double discount() {
        return discount;
    }

    /** The state as plain values; later changes to the bandit do not affect it. */
    public BanditSnapshot snapshot() {
        TreeMap<String, BanditSnapshot.Arm> state = new TreeMap<>();
        for (int i = 0; i < arms.length; i++) {
            state.put(arms[i], new BanditSnapshot.Arm(posteriors[i].alpha(), posteriors[i].beta(), selections[i]));
        }
        return new BanditSnapshot(state);
    }

    /** Index of the arm with the highest draw; ties (practically impossible) go to the first by name. */
    private int bestSample(RandomGenerator random) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < posteriors.length; i++) {
            double value = posteriors[i].sample(random);
            if (value > bestValue) {
                best = i;
                bestValue = value;
            }
        }
        return best;
    }

    private int indexOf(String arm) {
        return arm == null ? -1 : Math.max(-1, Arrays.binarySearch(arms, arm));
    }

    private int requireArm(String arm) {
        int i = indexOf(arm);
        if (i < 0) {
            throw new IllegalArgumentException("unknown arm " + arm + "; arms are " + arms());
        }
        return i;
    }

    private static String[] sortedArms(Collection<String> arms) {
        Objects.requireNonNull(arms, "arms");
        TreeSet<String> sorted = new TreeSet<>();
        for (String arm : arms) {
            if (arm == null || arm.isBlank() || !sorted.add(arm)) {
                throw new IllegalArgumentException("arm names must be non-blank and distinct, got " + arms);
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a bandit needs at least one arm");
        }
        return sorted.toArray(String[]::new);
    }
}
