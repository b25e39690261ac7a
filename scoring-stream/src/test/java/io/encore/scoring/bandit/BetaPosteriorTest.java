package io.encore.scoring.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BetaPosteriorTest {

    private static final int DRAWS = 20_000;

    @Test
    void shouldAddRewardToAlphaAndItsComplementToBetaWhenUpdated() {
        // given
        BetaPosterior prior = BetaPosterior.UNIFORM;

        // when
        BetaPosterior afterPurchase = prior.update(1.0);
        BetaPosterior afterClick = afterPurchase.update(0.3);

        // then
        assertThat(afterPurchase).isEqualTo(new BetaPosterior(2.0, 1.0));
        assertThat(afterPurchase.mean()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(afterClick.alpha()).isCloseTo(2.3, within(1e-12));
        assertThat(afterClick.beta()).isCloseTo(1.7, within(1e-12));
        assertThat(afterClick.mean()).isCloseTo(0.575, within(1e-12));      // 2.3 / 4
        assertThat(prior).isEqualTo(new BetaPosterior(1.0, 1.0));            // unchanged
    }

    @Test
    void shouldRejectARewardWhenItIsOutsideZeroToOne() {
        // given
        BetaPosterior prior = BetaPosterior.UNIFORM;

        // when / then
        assertThatThrownBy(() -> prior.update(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> prior.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaPosterior(0.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShrinkEvidenceTowardsThePriorWhenDiscounted() {
        // given: 9 rewards of 1 and 4 of 0 on top of Beta(1, 1)
        BetaPosterior posterior = new BetaPosterior(10.0, 5.0);

        // when
        BetaPosterior discounted = posterior.discount(0.5, BetaPosterior.UNIFORM);

        // then: 1 + 0.5·9 and 1 + 0.5·4
        assertThat(discounted.alpha()).isCloseTo(5.5, within(1e-12));
        assertThat(discounted.beta()).isCloseTo(3.0, within(1e-12));
        assertThat(posterior.discount(1.0, BetaPosterior.UNIFORM)).isEqualTo(posterior);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 5", "0.5, 0.5", "30, 70", "0.3, 4"})
    void shouldMatchTheBetaMeanAndVarianceWhenSampledManyTimes(double alpha, double beta) {
        // given
        BetaPosterior posterior = new BetaPosterior(alpha, beta);
        SplittableRandom random = new SplittableRandom(7);

        // when
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = posterior.sample(random);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = sum / DRAWS;
        double variance = sumOfSquares / DRAWS - mean * mean;

        // then: tolerances are more than 4 standard errors for every case
        assertThat(mean).isCloseTo(posterior.mean(), within(0.01));
        assertThat(variance).isCloseTo(posterior.variance(), within(0.1 * posterior.variance()));
    }

    @Test
    void shouldReplayTheSameDrawsWhenGivenTheSameSeed() {
        // given
        BetaPosterior posterior = new BetaPosterior(3.0, 8.0);

        // when
        double first = posterior.sample(new SplittableRandom(99));
        double second = posterior.sample(new SplittableRandom(99));

        // then
        assertThat(first).isEqualTo(second);
    }
}
