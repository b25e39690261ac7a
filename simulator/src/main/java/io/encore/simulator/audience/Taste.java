package io.encore.simulator.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.PerformerSpec;

/**
 * A guest's hidden taste: a sparse mixture over sub-genres (one to three liked, with weights up to 1), an
 * aversion or two (weight -1, often a sibling of what the guest likes: the crooner fan who does not want
 * experimental percussion), a small openness to anything else, and perhaps a favourite performer.
 *
 * <p>{@link #affinity(ConcertPlan)} is the ground truth an evaluation compares recommendations with:
 * <pre>
 *   s = (1 − x)·w[genre] + x·w[crossGenre]          (x = the cross-over share, 0 for most concerts)
 *   a = o + (1 − o)·s            when s ≥ 0           (o = openness)
 *   a = o·(1 + s)/4              when s &lt; 0           (an aversion: near zero)
 *   a = a + (1 − a)/4            when a favourite performer plays and s &gt; −0.5
 * </pre>
 * clipped to [0, 1]. It depends on the concert's content only; price, day and seats left change whether the
 * guest buys, not how well the concert fits.
 */
public final class Taste {

    private final float[] weights;
    private final double openness;
    private final List<String> favourites;

    /**
     * @param weights    per sub-genre: a like in (0, 1], -1 for an aversion, 0 otherwise
     * @param openness   baseline interest in anything not disliked, in [0, 1)
     * @param favourites performers whose name alone raises the fit
     */
    public Taste(float[] weights, double openness, List<String> favourites) {
        this.weights = weights.clone();
        this.openness = openness;
        this.favourites = List.copyOf(favourites);
    }

    public double affinity(ConcertPlan concert) {
        double share = concert.crossover() ? concert.crossShare() : 0.0;
        double score = (1 - share) * weights[concert.genre()] + (concert.crossover() ? share * weights[concert.crossGenre()] : 0.0);
        double affinity = score >= 0 ? openness + (1 - openness) * score : openness * (1 + score) / 4;
        if (score > -0.5 && playsFavourite(concert)) {
            affinity += (1 - affinity) / 4;
        }
        return Math.min(1.0, Math.max(0.0, affinity));
    }

    private boolean playsFavourite(ConcertPlan concert) {
        if (favourites.isEmpty()) {
            return false;
        }
        for (PerformerSpec performer : concert.performers()) {
            if (favourites.contains(performer.name())) {
                return true;
            }
        }
        return false;
    }

    /** The weight of a sub-genre: a like in (0, 1], -1 for an aversion, 0 otherwise. */
    public double weight(int genre) {
        return weights[genre];
    }

    public boolean averse(int genre) {
        return weights[genre] < 0;
    }

    public double openness() {
        return openness;
    }

    public List<String> favourites() {
        return favourites;
    }

    public int genres() {
        return weights.length;
    }

    /** Liked sub-genres (weight ≥ 0.3), strongest first. */
    public int[] dominant() {
        List<Integer> liked = new ArrayList<>();
        for (int g = 0; g < weights.length; g++) {
            if (weights[g] >= 0.3f) {
                liked.add(g);
            }
        }
        liked.sort(Comparator.comparingDouble((Integer g) -> -weights[g]).thenComparingInt(g -> g));
        return liked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Aversions, by sub-genre index. */
    public int[] aversions() {
        List<Integer> averse = new ArrayList<>();
        for (int g = 0; g < weights.length; g++) {
            if (weights[g] < 0) {
                averse.add(g);
            }
        }
        return averse.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * How likely each sub-genre is to be where the guest looks for a concert: the likes, plus the openness
     * spread over everything not disliked.
     */
    public double[] interest() {
        double[] interest = new double[weights.length];
        for (int g = 0; g < weights.length; g++) {
            interest[g] = weights[g] < 0 ? 0 : weights[g] + openness / 4;
        }
        return interest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Taste taste && Arrays.equals(weights, taste.weights)
                && openness == taste.openness && favourites.equals(taste.favourites);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(weights), openness, favourites);
    }

    @Override
    public String toString() {
        return "Taste" + Arrays.toString(weights) + " openness=" + openness + " favourites=" + favourites;
    }
}
