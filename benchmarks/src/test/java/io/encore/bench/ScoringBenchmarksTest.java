package io.encore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.scoring.model.Kernel;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.ranking.Ranked;

/** Runs every benchmark method once as plain Java: the state is what it claims and each one does real work. */
class ScoringBenchmarksTest {

    private final ScoringState state = new ScoringState();
    private final ScoringBenchmarks benchmarks = new ScoringBenchmarks();

    @Test
    void shouldBuildACatalogueOfAThousandConcertsWhenTheStateIsCreated() {
        // given / when: the constructor

        // then
        assertThat(state.catalogue.size()).isEqualTo(1_000);
        assertThat(state.catalogue.dimension()).isEqualTo(64);
        assertThat(state.eligible.cardinality()).isEqualTo(1_000);
        assertThat(state.catalogue.conceptKeys(0)).hasSize(20);
        assertThat(state.guest.concepts()).hasSize(60);
        assertThat(state.guest.aversions()).isEmpty();
        assertThat(state.averseGuest.aversions()).hasSize(ScoringState.AVERSIONS);
    }

    @Test
    void shouldComputeTheSameDotProductsWhenTheKernelIsUnrolled() {
        // given / when
        float[] naive = benchmarks.dotProductsNaive(state);
        float[] kernel = benchmarks.dotProductsKernel(state);

        // then
        for (int i = 0; i < naive.length; i++) {
            assertThat(kernel[i]).as("concert %d", i).isCloseTo(naive[i], within(1e-4f));
        }
        assertThat(naive[0]).isNotZero();
    }

    @Test
    void shouldScoreTheCosineWhenTheGuestHasNoAversions() {
        // given
        float[] dots = benchmarks.dotProductsKernel(state);
        float inverseNorm = Kernel.inverseNorm(state.guest.taste(), state.catalogue.dimension());

        // when
        float[] scores = benchmarks.conceptMatchScore(state);

        // then
        for (int i = 0; i < scores.length; i++) {
            assertThat(scores[i]).as("concert %d", i).isCloseTo(dots[i] * inverseNorm, within(1e-6f));
            assertThat(scores[i]).isBetween(-1f, 1f);
        }
    }

    @Test
    void shouldPenaliseSomeConcertsWhenTheGuestHasAversions() {
        // given
        float inverseNorm = Kernel.inverseNorm(state.averseGuest.taste(), state.catalogue.dimension());

        // when
        float[] scores = benchmarks.conceptMatchScoreWithAversions(state);

        // then
        int penalised = 0;
        for (int i = 0; i < scores.length; i++) {
            float dot = Kernel.dot(state.averseGuest.taste(), 0, state.catalogue.vectors(), i * 64, 64);
            float cosine = dot * inverseNorm;
            assertThat(scores[i]).isLessThanOrEqualTo(cosine + 1e-6f);
            penalised += scores[i] < cosine - 1e-6f ? 1 : 0;
        }
        assertThat(penalised).isBetween(50, 999);
    }

    @Test
    void shouldGiveEveryModelSpreadScoresWhenTheSignalsHaveData() {
        // given / when
        float[][] scores = benchmarks.allEightModels(state);

        // then: no arm is flat, so none of them short-circuits on missing data
        assertThat(scores.length).isEqualTo(ModelRegistry.NAMES.size());
        for (int m = 0; m < scores.length; m++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float score : scores[m]) {
                min = Math.min(min, score);
                max = Math.max(max, score);
            }
            assertThat(max).as(ModelRegistry.NAMES.get(m)).isGreaterThan(min);
        }
    }

    @Test
    void shouldScoreAsInAllEightWhenOneModelIsChosenByName() {
        // given
        float[][] all = benchmarks.allEightModels(state);
        float[][] expected = new float[all.length][];
        for (int m = 0; m < all.length; m++) {
            expected[m] = all[m].clone();
        }

        for (String name : ModelRegistry.NAMES) {
            ModelChoice choice = new ModelChoice();
            choice.model = name;
            choice.resolve();

            // when
            float[] scores = benchmarks.oneModel(state, choice);

            // then
            assertThat(scores).as(name).containsExactly(expected[ModelRegistry.NAMES.indexOf(name)]);
        }
    }

    @Test
    void shouldRefuseAModelNameTheRegistryDoesNotKnow() {
        // given
        ModelChoice choice = new ModelChoice();
        choice.model = "popularity";

        // when / then
        assertThatThrownBy(choice::resolve).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("popularity");
    }

    @Test
    void shouldRankTenWithTheBestScoreFirstWhenScoresArePrecomputed() {
        // given
        int best = 0;
        for (int i = 1; i < state.precomputed.length; i++) {
            best = state.precomputed[i] > state.precomputed[best] ? i : best;
        }

        // when
        List<Ranked> ranked = benchmarks.rankTop10(state);

        // then
        assertThat(ranked).hasSize(10);
        assertThat(ranked.get(0).concertIndex()).isEqualTo(best);
        assertThat(ranked).filteredOn(Ranked::explored).hasSize(1);
    }
}
