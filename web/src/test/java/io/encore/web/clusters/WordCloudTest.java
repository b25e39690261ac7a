package io.encore.web.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.web.guests.GuestEntry;

class WordCloudTest {

    private static GuestEntry guest(String id, GuestEntry.Concept... concepts) {
        return new GuestEntry(id, List.of(id), false, null, null, List.of(), List.of(concepts), List.of(), null, "PROSPECT",
                "prospect", List.of(), 1, 1, null, new float[] {1f});
    }

    private static GuestEntry.Concept concept(String name, String kind, double weight) {
        return new GuestEntry.Concept(name, kind, weight);
    }

    @Test
    void shouldWeighEachMembersConceptsRelativeToItsStrongestSoNoMemberOutvotesTheCluster() {
        // given: one guest with huge raw weights, two with small ones
        List<GuestEntry> members = List.of(
                guest("COOKIE:a", concept("jazz", "TAG", 100), concept("mahler", "COMPOSER", 50)),
                guest("COOKIE:b", concept("mahler", "COMPOSER", 2), concept("jazz", "TAG", 1)),
                guest("COOKIE:c", concept("mahler", "COMPOSER", 0.4)));
        // when
        List<WordCloud.Word> words = WordCloud.of(members, 10);
        // then: mahler = 0.5 + 1 + 1 = 2.5, jazz = 1 + 0.5 = 1.5; scaled by the strongest
        assertThat(words).extracting(WordCloud.Word::text).containsExactly("mahler", "jazz");
        assertThat(words.get(0).weight()).isEqualTo(1.0);
        assertThat(words.get(1).weight()).isCloseTo(1.5 / 2.5, within(1e-9));
        assertThat(words.get(0).kind()).isEqualTo("COMPOSER");
    }

    @Test
    void shouldKeepTheStrongestWordsUpToTheLimitAndIgnoreNonPositiveWeights() {
        // given
        List<GuestEntry> members = List.of(guest("COOKIE:a", concept("a", "TAG", 4), concept("b", "TAG", 3),
                concept("c", "TAG", 2), concept("d", "TAG", 0)));
        // when
        List<WordCloud.Word> words = WordCloud.of(members, 2);
        // then
        assertThat(words).extracting(WordCloud.Word::text).containsExactly("a", "b");
        assertThat(WordCloud.of(List.of(guest("COOKIE:x")), 10)).isEmpty();
    }

    @Test
    void shouldCountFreeTextTermsHalf() {
        // when
        List<WordCloud.Word> words = WordCloud.of(List.of(guest("COOKIE:a", concept("symfoni", "TERM", 1),
                concept("carl nielsen", "COMPOSER", 0.8))), 10);
        // then: 0.5 · 1 = 0.5 against 0.8
        assertThat(words).extracting(WordCloud.Word::text).containsExactly("carl nielsen", "symfoni");
        assertThat(words.get(1).weight()).isCloseTo(0.5 / 0.8, within(1e-9));
    }

    @Test
    void shouldKeepTheSameLabelOfDifferentKindsApart() {
        // when
        List<WordCloud.Word> words = WordCloud.of(List.of(guest("COOKIE:a", concept("nielsen", "COMPOSER", 1),
                concept("nielsen", "TERM", 0.5))), 10);
        // then
        assertThat(words).extracting(WordCloud.Word::kind).containsExactly("COMPOSER", "TERM");
    }
}
