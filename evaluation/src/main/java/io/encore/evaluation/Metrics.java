package io.encore.evaluation;

import java.util.List;
import java.util.Set;

/**
 * The ranking metrics, for one list with binary relevance. Lists are cut to {@code k}; ranks start at 1.
 */
public final class Metrics {

    private Metrics() {
    }

    /** 1 when any relevant item is among the first {@code k}, else 0. */
    public static double hitRate(List<String> ranked, Set<String> relevant, int k) {
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0;
            }
        }
        return 0.0;
    }

    /**
     * DCG over IDCG: DCG = Σ 1/log2(rank + 1) over the relevant items in the first {@code k}; the ideal puts
     * min(k, |relevant|) relevant items first. With one relevant item it is 1/log2(rank + 1), or 0 beyond k.
     */
    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += discount(i + 1);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(k, relevant.size()); rank++) {
            ideal += discount(rank);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /**
     * Self-information of recommending an item: −log2 p with p = (guests who interacted with it in training + 1)
     * / (guests in training + 1). Smoothed, because most upcoming concerts have no history at all yet; higher is
     * more novel.
     */
    public static double selfInformation(long itemGuests, long trainingGuests) {
        return -Math.log((itemGuests + 1.0) / (trainingGuests + 1.0)) / Math.log(2);
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1.0) / Math.log(2));
    }
}
