package io.encore.evaluation;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void shouldHitWhenARelevantItemIsWithinK() {
        // given
        List<String> ranked = List.of("a", "b", "c", "d");

        // when / then
        assertThat(Metrics.hitRate(ranked, Set.of("c"), 3)).isEqualTo(1.0);
        assertThat(Metrics.hitRate(ranked, Set.of("d"), 3)).isEqualTo(0.0);
        assertThat(Metrics.hitRate(List.of(), Set.of("d"), 3)).isEqualTo(0.0);
    }

    @Test
    void shouldDiscountOneRelevantItemByItsRank() {
        // given: the relevant item at rank 3, so DCG = 1/log2(4) = 0.5 and IDCG = 1
        List<String> ranked = List.of("a", "b", "c", "d");

        // when
        double ndcg = Metrics.ndcg(ranked, Set.of("c"), 10);

        // then
        assertThat(ndcg).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldNormalizeByTheIdealOrderWhenSeveralItemsAreRelevant() {
        // given: relevant at ranks 1 and 3 → DCG = 1 + 1/log2(4) = 1.5; ideal ranks 1 and 2 → 1 + 1/log2(3)
        List<String> ranked = List.of("a", "b", "c");

        // when
        double ndcg = Metrics.ndcg(ranked, Set.of("a", "c"), 3);

        // then
        assertThat(ndcg).isCloseTo(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), within(1e-12));
        assertThat(ndcg).isCloseTo(0.91972, within(1e-5));
    }

    @Test
    void shouldScoreZeroWhenTheRelevantItemIsBeyondK() {
        // given
        List<String> ranked = List.of("a", "b", "c");

        // when / then
        assertThat(Metrics.ndcg(ranked, Set.of("c"), 2)).isZero();
    }

    @Test
    void shouldMeasureNoveltyAsSmoothedSelfInformation() {
        // given: 1 of 3 training guests met the item → p = (1 + 1) / (3 + 1) = 1/2 → 1 bit; nobody → p = 1/4 → 2 bits

        // when / then
        assertThat(Metrics.selfInformation(1, 3)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.selfInformation(0, 3)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void shouldAverageOverCasesAndCountCoverageOverEligibleItems() {
        // given: two cases, k = 2; the first hits at rank 1, the second misses; items a, b, c placed of 6 eligible
        MethodScores scores = new MethodScores(2);

        // when
        scores.add(List.of("a", "b"), Set.of("a"), item -> 1, 3);
        scores.add(List.of("b", "c", "x"), Set.of("x"), item -> 0, 3);
        MethodScores.Result result = scores.result(6);

        // then
        assertThat(result.cases()).isEqualTo(2);
        assertThat(result.hitRate()).isCloseTo(0.5, within(1e-12));
        assertThat(result.ndcg()).isCloseTo(0.5, within(1e-12));
        assertThat(result.coverage()).isCloseTo(0.5, within(1e-12));
        assertThat(result.novelty()).isCloseTo((1 + 1 + 2 + 2) / 4.0, within(1e-12)); // a, b met by 1; b, c by 0
        assertThat(result.clickRate()).isNull();
    }

    @Test
    void shouldRateClicksPerShownItemAndPurchasesPerRow() {
        // given
        MethodScores scores = new MethodScores(10);

        // when
        scores.addResponse(0.3, 0.02, 6);
        scores.addResponse(0.3, 0.04, 4);
        MethodScores.Result result = scores.result(1);

        // then
        assertThat(result.clickRate()).isCloseTo(0.06, within(1e-12));
        assertThat(result.purchaseRate()).isCloseTo(0.03, within(1e-12));
    }
}
