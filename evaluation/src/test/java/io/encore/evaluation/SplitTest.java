package io.encore.evaluation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldHoldOutEachGuestsLastInteractionAndRankAtItsTime() {
        // given
        Dataset data = Dataset.of(items("a", "b", "c"), List.of(
                buy("g1", "b", 2), buy("g1", "a", 1), buy("g2", "a", 3), buy("g1", "c", 5), buy("g2", "c", 4)));

        // when
        Split split = Split.leaveLastOut(data, 1);

        // then
        assertThat(split.training()).extracting(i -> i.guestId() + i.itemId()).containsExactly("g1a", "g1b", "g2a");
        assertThat(split.cases()).containsExactly(
                new TestCase("g2", T0.plusSeconds(4), java.util.Set.of("c")),
                new TestCase("g1", T0.plusSeconds(5), java.util.Set.of("c")));
    }

    @Test
    void shouldSkipGuestsWithoutEnoughHistory() {
        // given: g2 has one interaction only, so nothing to learn from
        Dataset data = Dataset.of(items("a", "b"), List.of(buy("g1", "a", 1), buy("g1", "b", 2), buy("g2", "a", 3)));

        // when
        Split split = Split.leaveLastOut(data, 1);

        // then
        assertThat(split.cases()).extracting(TestCase::guestId).containsExactly("g1");
        assertThat(split.skippedNoHistory()).isEqualTo(1);
    }

    @Test
    void shouldSkipAHeldOutItemTheGuestAlreadyMetOrThatHadStarted() {
        // given: g1 buys a twice; g2's last item started before it was bought
        List<Item> items = List.of(item("a", null), item("b", null), item("old", T0.plusSeconds(5)));
        Dataset data = Dataset.of(items, List.of(buy("g1", "a", 1), buy("g1", "a", 2),
                buy("g2", "b", 1), buy("g2", "old", 9)));

        // when
        Split split = Split.leaveLastOut(data, 1);

        // then
        assertThat(split.cases()).isEmpty();
        assertThat(split.skippedIneligible()).isEqualTo(2);
    }

    @Test
    void shouldTrainBeforeTheCutoffAndTestEverythingAfterIt() {
        // given
        Dataset data = Dataset.of(items("a", "b", "c", "d"), List.of(buy("g1", "a", 1), buy("g1", "b", 10),
                buy("g1", "c", 11), buy("g1", "a", 12), buy("g2", "d", 12)));

        // when
        Split split = Split.temporal(data, T0.plusSeconds(10), 1);

        // then: g1 is ranked at the cutoff for b and c (a it had met); g2 had no history before the cutoff
        assertThat(split.training()).extracting(Interaction::itemId).containsExactly("a");
        assertThat(split.cases()).containsExactly(new TestCase("g1", T0.plusSeconds(10), java.util.Set.of("b", "c")));
        assertThat(split.skippedNoHistory()).isEqualTo(1);
    }

    @Test
    void shouldRefuseACutoffOutsideTheData() {
        // given
        Dataset data = Dataset.of(items("a"), List.of(buy("g1", "a", 1)));

        // when / then
        assertThatThrownBy(() -> Split.temporal(data, T0.plusSeconds(100), 1))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("leaves 1 interactions to train on and 0 guests to test");
    }

    static List<Item> items(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> item(id, null)).toList();
    }

    static Item item(String id, Instant start) {
        return new Item(id, id, List.of("jazz"), null, start, "en", List.of(), null);
    }

    static Interaction buy(String guest, String item, long second) {
        return new Interaction(guest, item, T0.plusSeconds(second), InteractionType.PURCHASE, null);
    }
}
