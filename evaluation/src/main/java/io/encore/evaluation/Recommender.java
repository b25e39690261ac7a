package io.encore.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A method the harness measures: it learns from training interactions in time order and, at a test case's
 * time, ranks the eligible items. One recommender may report several methods (Encore: the bandit's list and
 * each model alone).
 */
public interface Recommender extends AutoCloseable {

    /** The methods it reports, in table order. */
    List<String> methods();

    /** A training interaction, in time order; {@code first} when the guest had not met the item before. */
    void observe(Interaction interaction, boolean first);

    /**
     * Per method, the best items first among {@code eligible} (upcoming at the case's time, not met by the guest),
     * at least {@code k} when there are that many.
     */
    Map<String, List<String>> recommend(TestCase testCase, List<Item> eligible, int k);

    @Override
    default void close() {
    }
}
