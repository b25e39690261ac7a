package io.encore.simulator.behaviour;

import java.util.Arrays;

/**
 * The part of a {@code RecommendationSet} the website needs to show a guest's "Selected for you" row: the
 * list's id for the links, whether it is the holdout's control list, and the concerts in rank order.
 *
 * @param key the {@code recommendations} key it came under
 * @param arm the bandit arm that made it
 */
public record ShownList(String key, String recommendationId, String arm, boolean holdout, int[] concerts) {

    public ShownList {
        concerts = concerts.clone();
    }

    @Override
    public int[] concerts() {
        return concerts.clone();
    }

    int size() {
        return concerts.length;
    }

    int concert(int position) {
        return concerts[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShownList s && key.equals(s.key) && recommendationId.equals(s.recommendationId)
                && arm.equals(s.arm) && holdout == s.holdout && Arrays.equals(concerts, s.concerts);
    }

    @Override
    public int hashCode() {
        return 31 * recommendationId.hashCode() + Arrays.hashCode(concerts);
    }

    @Override
    public String toString() {
        return "ShownList[" + recommendationId + ", arm=" + arm + ", holdout=" + holdout + ", " + Arrays.toString(concerts) + "]";
    }
}
