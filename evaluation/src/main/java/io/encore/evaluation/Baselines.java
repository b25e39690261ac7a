package io.encore.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The baselines Encore is measured against, computed by the same harness on the same split: most popular, the
 * rule-based genre segment (the approach Encore replaces) and item-kNN. Each ranks by its own score, then by
 * popularity, then soonest first — the hall's own "next concerts" row — so ties never fall to chance.
 */
public final class Baselines {

    public static final String POPULAR = "most-popular";
    public static final String GENRE_SEGMENT = "genre-segment";
    public static final String ITEM_KNN = "item-knn";

    private Baselines() {
    }

    /** The order every baseline falls back to: more guests first, then the sooner start, then the id. */
    static List<String> rank(List<Item> eligible, ToDoubleFunction<Item> score, History history, int k) {
        Comparator<Item> order = Comparator.<Item>comparingDouble(score).reversed()
                .thenComparing(Comparator.<Item>comparingInt(item -> history.guests(item.id())).reversed())
                .thenComparing(item -> item.startTime() == null ? Long.MAX_VALUE : item.startTime().toEpochMilli())
                .thenComparing(Item::id);
        List<Item> sorted = new ArrayList<>(eligible);
        sorted.sort(order);
        return sorted.subList(0, Math.min(k, sorted.size())).stream().map(Item::id).toList();
    }

    /** The items most guests interacted with so far. */
    public static final class MostPopular implements Recommender {
        private final History history;

        public MostPopular(History history) {
            this.history = history;
        }

        @Override
        public List<String> methods() {
            return List.of(POPULAR);
        }

        @Override
        public void observe(Interaction interaction, boolean first) {
        }

        @Override
        public Map<String, List<String>> recommend(TestCase testCase, List<Item> eligible, int k) {
            return Map.of(POPULAR, rank(eligible, item -> 0, history, k));
        }
    }

    /**
     * Rule-based segmentation: a guest belongs to the genre (an item's first tag) it met most often, the most
     * recent one on a tie, and is shown that genre's most popular items first, then everything else by
     * popularity. "Jazz is jazz": exactly the rule the domain says misfires.
     */
    public static final class GenreSegment implements Recommender {
        private final History history;
        private final Map<String, Item> items;

        public GenreSegment(History history, Map<String, Item> items) {
            this.history = history;
            this.items = items;
        }

        @Override
        public List<String> methods() {
            return List.of(GENRE_SEGMENT);
        }

        @Override
        public void observe(Interaction interaction, boolean first) {
        }

        @Override
        public Map<String, List<String>> recommend(TestCase testCase, List<Item> eligible, int k) {
            String segment = segment(history.items(testCase.guestId()));
            return Map.of(GENRE_SEGMENT, rank(eligible, item -> segment != null && !item.tags().isEmpty()
                    && item.tags().get(0).equals(segment) ? 1 : 0, history, k));
        }

        String segment(Set<String> met) {
            Map<String, Integer> counts = new HashMap<>();
            String best = null;
            int bestCount = 0;
            for (String id : met) { // in the order met: a later genre wins a tie
                List<String> tags = items.get(id).tags();
                if (tags.isEmpty()) {
                    continue;
                }
                int count = counts.merge(tags.get(0), 1, Integer::sum);
                if (count >= bestCount) {
                    best = tags.get(0);
                    bestCount = count;
                }
            }
            return best;
        }
    }

    /**
     * Item-based collaborative filtering: sim(i, j) = guests who met both / √(guests of i · guests of j) (cosine
     * over the guest sets), an item's score the sum of its similarities to the guest's items; items no neighbour
     * reaches follow by popularity.
     */
    public static final class ItemKnn implements Recommender {
        private final History history;
        private final Map<String, Map<String, Integer>> together = new HashMap<>();

        public ItemKnn(History history) {
            this.history = history;
        }

        @Override
        public List<String> methods() {
            return List.of(ITEM_KNN);
        }

        /** Called after {@link History#add}: the guest's earlier items each meet this one once. */
        @Override
        public void observe(Interaction interaction, boolean first) {
            if (!first) {
                return;
            }
            String item = interaction.itemId();
            for (String other : history.items(interaction.guestId())) {
                if (!other.equals(item)) {
                    together.computeIfAbsent(item, i -> new HashMap<>()).merge(other, 1, Integer::sum);
                    together.computeIfAbsent(other, i -> new HashMap<>()).merge(item, 1, Integer::sum);
                }
            }
        }

        @Override
        public Map<String, List<String>> recommend(TestCase testCase, List<Item> eligible, int k) {
            Map<String, Double> scores = new HashMap<>();
            for (String met : history.items(testCase.guestId())) {
                Map<String, Integer> neighbours = together.getOrDefault(met, Map.of());
                double metGuests = history.guests(met);
                neighbours.forEach((other, both) -> scores.merge(other,
                        both / Math.sqrt(metGuests * history.guests(other)), Double::sum));
            }
            return Map.of(ITEM_KNN, rank(eligible, item -> scores.getOrDefault(item.id(), 0.0), history, k));
        }
    }
}
