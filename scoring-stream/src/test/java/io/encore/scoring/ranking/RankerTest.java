package io.encore.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.encore.scoring.catalogue.Catalogue;

class RankerTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    @Test
    void shouldOrderTheTopNByScoreWhenNothingIsCapped() {
        // given: 20 concerts of 20 performers, scores 0.05·((i·7) mod 20)
        Catalogue catalogue = catalogue(20, i -> entry(i, "performer " + i));
        float[] scores = new float[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = 0.05f * ((i * 7) % 20);
        }
        Ranker ranker = new Ranker(5, 2, 4, 0.0);

        // when
        List<Ranked> list = ranker.rank(scores, all(20), catalogue, UNUSED);

        // then: (i·7) mod 20 = 19, 18, 17, 16, 15 for i = 17, 14, 11, 8, 5
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(17, 14, 11, 8, 5);
        assertThat(list).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(list).extracting(Ranked::explored).containsOnly(false);
        assertThat(list.get(0).score()).isEqualTo(0.95f);
    }

    @Test
    void shouldCapAPerformerAndBreakTiesByCatalogueIndexWhenScoresAreEqual() {
        // given: six equal-scored Gregory Porter concerts (0–5), then four others scored lower
        Catalogue catalogue = catalogue(10, i -> entry(i, i < 6 ? "gregory porter" : "artist " + i));
        float[] scores = {0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.5f, 0.4f, 0.3f, 0.2f};
        Ranker ranker = new Ranker(5, 2, 4, 0.0);

        // when
        List<Ranked> list = ranker.rank(scores, all(10), catalogue, UNUSED);

        // then
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(0, 1, 6, 7, 8);
    }

    @Test
    void shouldCapATagButIgnoreOtherConceptKindsWhenTheListFills() {
        // given: 0–5 tagged jazz (and sharing a term, which is not capped), 6–9 tagged classical
        Catalogue catalogue = catalogue(10, i -> i < 6
                ? entry(i, "artist " + i, "tag:jazz", "term:swing")
                : entry(i, "artist " + i, "tag:classical"));
        float[] scores = {0.99f, 0.98f, 0.97f, 0.96f, 0.95f, 0.94f, 0.5f, 0.4f, 0.3f, 0.2f};
        Ranker ranker = new Ranker(6, 2, 4, 0.0);

        // when
        List<Ranked> list = ranker.rank(scores, all(10), catalogue, UNUSED);

        // then
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(0, 1, 2, 3, 6, 7);
    }

    @Test
    void shouldCountAPerformerOnceWhenAConcertNamesItTwice() {
        // given: the composer also conducts, so the name appears twice on concerts 0 and 1
        Catalogue catalogue = catalogue(3, i -> entry(i, i < 2 ? new String[] {"nielsen", "nielsen"}
                : new String[] {"nielsen"}));
        float[] scores = {0.9f, 0.8f, 0.7f};

        // when
        List<Ranked> list = new Ranker(3, 2, 4, 0.0).rank(scores, all(3), catalogue, UNUSED);

        // then
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(0, 1);
    }

    @Test
    void shouldExploreFromBeyondTheTopNWhenExplorationSlotsAreSet() {
        // given: 100 concerts, score falls with the index, so the top ten are 0–9
        Catalogue catalogue = catalogue(100, i -> entry(i, "artist " + i));
        float[] scores = new float[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = 1.0f - i / 100.0f;
        }
        Ranker ranker = new Ranker(10, 2, 4, 0.3);

        // when
        List<Ranked> list = ranker.rank(scores, all(100), catalogue, new SplittableRandom(42));
        List<Ranked> again = ranker.rank(scores, all(100), catalogue, new SplittableRandom(42));

        // then
        assertThat(list).hasSize(10);
        assertThat(list).filteredOn(Ranked::explored).hasSize(3)
                .allSatisfy(item -> assertThat(item.concertIndex()).isGreaterThanOrEqualTo(10));
        assertThat(list).filteredOn(item -> !item.explored())
                .extracting(Ranked::concertIndex).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(list.get(0).explored()).isFalse();
        assertThat(list).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(again).isEqualTo(list);
    }

    @Test
    void shouldTopUpFromTheCandidatesWhenTooFewConcertsLieBeyondTheTopN() {
        // given: 11 eligible concerts, N = 10 with 3 exploration slots: only concert 10 lies beyond the top ten
        Catalogue catalogue = catalogue(11, i -> entry(i, "artist " + i));
        float[] scores = new float[11];
        for (int i = 0; i < 11; i++) {
            scores[i] = 1.0f - i / 20.0f;
        }

        // when
        List<Ranked> list = new Ranker(10, 2, 4, 0.3).rank(scores, all(11), catalogue, new SplittableRandom(1));

        // then
        assertThat(list).hasSize(10);
        assertThat(list).filteredOn(Ranked::explored).extracting(Ranked::concertIndex).containsExactly(10);
        assertThat(list).filteredOn(item -> !item.explored())
                .extracting(Ranked::concertIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void shouldReturnAnEmptyListWhenNothingIsEligible() {
        // given
        Catalogue catalogue = catalogue(5, i -> entry(i, "artist " + i));

        // when
        List<Ranked> list = new Ranker().rank(new float[5], new BitSet(), catalogue, new SplittableRandom(3));

        // then
        assertThat(list).isEmpty();
    }

    @Test
    void shouldReturnEveryEligibleConcertInScoreOrderWhenFewerThanNAreEligible() {
        // given: concerts 2, 5 and 7 of 20 are eligible
        Catalogue catalogue = catalogue(20, i -> entry(i, "artist " + i));
        float[] scores = new float[20];
        scores[2] = 0.3f;
        scores[5] = 0.9f;
        scores[7] = 0.6f;
        BitSet eligible = new BitSet();
        eligible.set(2);
        eligible.set(5);
        eligible.set(7);

        // when
        List<Ranked> list = new Ranker().rank(scores, eligible, catalogue, new SplittableRandom(3));

        // then
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(5, 7, 2);
        assertThat(list).extracting(Ranked::explored).containsOnly(false);
    }

    @Test
    void shouldNeverRankAConcertWhenItsScoreIsNaN() {
        // given
        Catalogue catalogue = catalogue(3, i -> entry(i, "artist " + i));
        float[] scores = {Float.NaN, 0.2f, 0.1f};

        // when
        List<Ranked> list = new Ranker(3, 2, 4, 0.0).rank(scores, all(3), catalogue, UNUSED);

        // then
        assertThat(list).extracting(Ranked::concertIndex).containsExactly(1, 2);
    }

    @Test
    void shouldFloorTheExplorationSlotsWhenTheShareIsNotAWholeNumberOfSlots() {
        // when / then
        assertThat(new Ranker().explorationSlots()).isEqualTo(1);
        assertThat(new Ranker(100, 2, 4, 0.29).explorationSlots()).isEqualTo(29);
        assertThat(new Ranker(5, 2, 4, 0.1).explorationSlots()).isZero();
    }

    private static Catalogue catalogue(int n, IntFunction<Catalogue.Entry> entries) {
        Catalogue.Builder builder = Catalogue.builder(1);
        for (int i = 0; i < n; i++) {
            builder.add(entries.apply(i));
        }
        return builder.build();
    }

    private static Catalogue.Entry entry(int i, String performer, String... conceptKeys) {
        return entry(i, new String[] {performer}, conceptKeys);
    }

    private static Catalogue.Entry entry(int i, String[] performers, String... conceptKeys) {
        float[] weights = new float[conceptKeys.length];
        Arrays.fill(weights, 1.0f / Math.max(1, conceptKeys.length));
        return new Catalogue.Entry("c-" + i, new float[] {1.0f}, Catalogue.UNDATED, "main hall", "mid",
                conceptKeys, weights, performers, true, false);
    }

    private static BitSet all(int n) {
        BitSet eligible = new BitSet(n);
        eligible.set(0, n);
        return eligible;
    }
}
