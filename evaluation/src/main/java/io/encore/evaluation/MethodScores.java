package io.encore.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Sums one method's metrics over the test cases: HR@k and NDCG@k averaged over cases; catalogue coverage = the
 * distinct items it placed in any top-k over the items eligible for any case; novelty = the mean
 * {@link Metrics#selfInformation} of the items it placed.
 */
public final class MethodScores {

    private final int k;
    private final Set<String> placed = new HashSet<>();
    private long cases;
    private double hits;
    private double ndcg;
    private double novelty;
    private long items;
    private long shortLists;
    private double clicks;
    private double purchases;
    private long shownRows;
    private long shownItems;

    public MethodScores(int k) {
        this.k = k;
    }

    /** One case: the method's list (best first, already restricted to eligible items) and the held-out items. */
    public void add(List<String> ranked, Set<String> relevant, ToLongFunction<String> itemGuests, long trainingGuests) {
        cases++;
        hits += Metrics.hitRate(ranked, relevant, k);
        ndcg += Metrics.ndcg(ranked, relevant, k);
        List<String> top = ranked.subList(0, Math.min(k, ranked.size()));
        if (top.size() < k) {
            shortLists++;
        }
        for (String item : top) {
            placed.add(item);
            novelty += Metrics.selfInformation(itemGuests.applyAsLong(item), trainingGuests);
            items++;
        }
    }

    /** The simulated response to one shown row: expected clicks and purchases, and how many items it showed. */
    public void addResponse(double expectedClicks, double expectedPurchases, int itemsShown) {
        clicks += expectedClicks;
        purchases += expectedPurchases;
        shownRows++;
        shownItems += itemsShown;
    }

    public Result result(long eligibleItems) {
        return new Result(cases, cases == 0 ? 0 : hits / cases, cases == 0 ? 0 : ndcg / cases,
                eligibleItems == 0 ? 0 : (double) placed.size() / eligibleItems, items == 0 ? 0 : novelty / items,
                shortLists, shownRows == 0 ? null : clicks / shownItems, shownRows == 0 ? null : purchases / shownRows);
    }

    /**
     * @param shortLists   cases where the method had fewer than k eligible items to offer
     * @param clickRate    simulated: expected clicks per shown item (null without a simulation)
     * @param purchaseRate simulated: expected purchases per shown row (null without a simulation)
     */
    public record Result(long cases, double hitRate, double ndcg, double coverage, double novelty, long shortLists,
                         Double clickRate, Double purchaseRate) {
    }
}
