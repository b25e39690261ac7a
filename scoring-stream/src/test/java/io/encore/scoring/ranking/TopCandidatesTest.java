package io.encore.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TopCandidatesTest {

    @Test
    void shouldMatchAFullSortWhenTheHeapMustEvictCandidates() {
        // given: 2,000 scores on a coarse grid (many ties), every third concert ineligible
        SplittableRandom random = new SplittableRandom(12);
        float[] scores = new float[2_000];
        BitSet eligible = new BitSet();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(50) / 50.0f;
            eligible.set(i, i % 3 != 0);
        }

        // when
        int[] top = TopCandidates.select(scores, eligible, 40);

        // then
        int[] expected = IntStream.range(0, scores.length).filter(eligible::get).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                .limit(40).mapToInt(Integer::intValue).toArray();
        assertThat(top).containsExactly(expected);
    }

    @Test
    void shouldReturnFewerThanKWhenFewerAreEligible() {
        // given
        float[] scores = {0.1f, 0.7f, 0.4f};
        BitSet eligible = new BitSet();
        eligible.set(0, 3);

        // when
        int[] top = TopCandidates.select(scores, eligible, 10);

        // then
        assertThat(top).containsExactly(1, 2, 0);
    }
}
