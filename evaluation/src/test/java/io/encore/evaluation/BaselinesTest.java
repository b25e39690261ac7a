package io.encore.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaselinesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldRankByGuestsThenSoonestStart() {
        // given: b met by two guests, a by one, c and d by none; d starts before c
        History history = new History();
        List<Item> items = List.of(item("a", "jazz", 30), item("b", "jazz", 40), item("c", "rock", 50), item("d", "rock", 20));
        feed(history, null, "g1:a", "g2:b", "g3:b");

        // when
        List<String> list = new Baselines.MostPopular(history).recommend(testCase("g9"), items, 4).get(Baselines.POPULAR);

        // then
        assertThat(list).containsExactly("b", "a", "d", "c");
    }

    @Test
    void shouldPutTheGuestsMostFrequentGenreFirst() {
        // given: g1 met two rock items and one jazz item; jazz items are more popular overall
        History history = new History();
        Map<String, Item> catalogue = Map.of("r1", item("r1", "rock", 1), "r2", item("r2", "rock", 1),
                "j1", item("j1", "jazz", 1), "j2", item("j2", "jazz", 50), "r3", item("r3", "rock", 60));
        feed(history, null, "g1:r1", "g1:j1", "g1:r2", "g2:j2", "g3:j2");
        Baselines.GenreSegment segment = new Baselines.GenreSegment(history, catalogue);

        // when
        List<String> list = segment.recommend(testCase("g1"), List.of(catalogue.get("j2"), catalogue.get("r3")), 2)
                .get(Baselines.GENRE_SEGMENT);

        // then
        assertThat(segment.segment(history.items("g1"))).isEqualTo("rock");
        assertThat(list).containsExactly("r3", "j2");
    }

    @Test
    void shouldScoreItemsByCosineSimilarityToTheGuestsItems() {
        // given: x was met with a by g1 and g2; y with a by g3 only, but y is met by three guests
        // sim(a, x) = 2 / √(3·2) ≈ 0.816; sim(a, y) = 1 / √(3·3) ≈ 0.333
        History history = new History();
        Baselines.ItemKnn knn = new Baselines.ItemKnn(history);
        feed(history, knn, "g1:a", "g1:x", "g2:a", "g2:x", "g3:a", "g3:y", "g4:y", "g5:y", "g9:a");
        List<Item> eligible = List.of(item("y", "jazz", 10), item("x", "jazz", 20), item("z", "jazz", 5));

        // when
        List<String> list = knn.recommend(testCase("g9"), eligible, 3).get(Baselines.ITEM_KNN);

        // then: z, no neighbour of a, comes last
        assertThat(list).containsExactly("x", "y", "z");
    }

    private static void feed(History history, Recommender recommender, String... pairs) {
        long second = 0;
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            Interaction interaction = new Interaction(parts[0], parts[1], T0.plusSeconds(second++), InteractionType.PURCHASE, null);
            boolean first = history.add(interaction);
            if (recommender != null) {
                recommender.observe(interaction, first);
            }
        }
    }

    private static TestCase testCase(String guest) {
        return new TestCase(guest, T0.plusSeconds(100), Set.of("anything"));
    }

    private static Item item(String id, String genre, long startDays) {
        return new Item(id, id, List.of(genre), null, T0.plusSeconds(startDays * 86_400), "en", List.of(), null);
    }
}
