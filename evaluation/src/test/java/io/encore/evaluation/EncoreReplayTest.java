package io.encore.evaluation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The real topologies, replayed: what a guest bought shapes what Encore lists for it, and only what is on sale. */
class EncoreReplayTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    @TempDir
    Path state;

    @Test
    void shouldListTheGenreAGuestBoughtFirstAndOnlyWhatIsOnSale() {
        // given: jazz and organ concerts; one more jazz concert goes on sale only after the case
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            items.add(concert("jazz-" + i, "Crooner night " + i, "jazz", "swing saxophone crooner standards trio", i, null));
            items.add(concert("organ-" + i, "Organ hour " + i, "classical", "organ cathedral fugue toccata bach", i, null));
        }
        items.add(concert("jazz-late", "Crooner night late", "jazz", "swing saxophone crooner standards trio", 5,
                T0.plus(Duration.ofDays(20))));
        TestCase testCase = new TestCase("g1", T0.plus(Duration.ofDays(10)), Set.of("jazz-3"));
        List<Item> eligible = items.stream().filter(item -> item.offeredAt(testCase.at()))
                .filter(item -> !Set.of("jazz-1", "jazz-2").contains(item.id())).toList();

        try (EncoreReplay encore = new EncoreReplay(new EncoreReplay.Settings(4, Duration.ofDays(1), 0.0, true), state,
                T0.minus(EncoreReplay.CATALOGUE_REFRESH.multipliedBy(2)).minus(Duration.ofDays(1)))) {
            encore.loadCatalogue(items);

            // when: the guest buys two jazz concerts, and is ranked for ten days later
            encore.observe(new Interaction("g1", "jazz-1", T0, InteractionType.PURCHASE, 45_000L), true);
            encore.observe(new Interaction("g1", "jazz-2", T0.plus(Duration.ofDays(1)), InteractionType.PURCHASE, null), true);
            Map<String, List<String>> lists = encore.recommend(testCase, eligible, 4);

            // then
            assertThat(lists).containsKeys("encore", "encore:concept-match", "encore:tag-affinity");
            assertThat(lists.get("encore")).isNotEmpty().doesNotContain("jazz-1", "jazz-2", "jazz-late");
            assertThat(lists.get("encore").get(0)).startsWith("jazz-");
            assertThat(lists.get("encore:concept-match").subList(0, 2)).containsExactlyInAnyOrder("jazz-3", "jazz-4");
            assertThat(encore.deadLetters()).isZero();
        }
    }

    private static Item concert(String id, String title, String genre, String text, int week, Instant saleStart) {
        return new Item(id, title, List.of(genre), text, T0.plus(Duration.ofDays(20L + 7L * week)), "en", List.of(),
                saleStart);
    }
}
