package io.encore.scoring.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ThompsonBanditTest {

    private static final String CONTENT = "content";
    private static final String POPULARITY = "popularity";

    @Test
    void shouldPlayTheBetterModelMostOfTheTimeWhenTheWorldFavoursIt() {
        // given: true conversion 0.10 for content, 0.05 for popularity
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT, POPULARITY));
        Map<String, Double> truth = Map.of(CONTENT, 0.10, POPULARITY, 0.05);
        SplittableRandom policy = new SplittableRandom(2024);
        SplittableRandom world = new SplittableRandom(17);

        // when
        int betterInLastThousand = 0;
        for (int round = 0; round < 3_000; round++) {
            String arm = bandit.choose(policy).arm();
            bandit.reward(arm, world.nextDouble() < truth.get(arm) ? 1.0 : 0.0);
            if (round >= 2_000 && arm.equals(CONTENT)) {
                betterInLastThousand++;
            }
        }

        // then
        assertThat(betterInLastThousand).isGreaterThan(800);
        assertThat(bandit.selections(CONTENT) + bandit.selections(POPULARITY)).isEqualTo(3_000);
        assertThat(bandit.posterior(CONTENT).mean()).isCloseTo(0.10, within(0.02));
    }

    @Test
    void shouldFollowTheNewFavouriteWhenTastesShiftAndTheBanditForgets() {
        // given: content is better for 2,000 rounds, then popularity is
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT, POPULARITY), 0.99);
        SplittableRandom policy = new SplittableRandom(5);
        SplittableRandom world = new SplittableRandom(6);

        // when
        int popularityInLastFiveHundred = 0;
        for (int round = 0; round < 4_000; round++) {
            String arm = bandit.choose(policy).arm();
            boolean contentEra = round < 2_000;
            double rate = arm.equals(CONTENT) == contentEra ? 0.30 : 0.10;
            bandit.reward(arm, world.nextDouble() < rate ? 1.0 : 0.0);
            if (round >= 3_500 && arm.equals(POPULARITY)) {
                popularityInLastFiveHundred++;
            }
        }

        // then
        assertThat(popularityInLastFiveHundred).isGreaterThan(350);  // 404–466 over 30 seeds
    }

    @Test
    void shouldEstimatePropensityOneWhenOneArmDominates() {
        // given
        ThompsonBandit bandit = ThompsonBandit.fromSnapshot(BanditSnapshot.of(Map.of(
                CONTENT, new BanditSnapshot.Arm(500.0, 1.0, 0),
                POPULARITY, new BanditSnapshot.Arm(1.0, 500.0, 0))));

        // when
        ThompsonBandit.Choice choice = bandit.choose(new SplittableRandom(1));

        // then
        assertThat(choice).isEqualTo(new ThompsonBandit.Choice(CONTENT, 1.0));
        assertThat(bandit.selections(CONTENT)).isEqualTo(1);
    }

    @Test
    void shouldEstimatePropensityNearOneHalfWhenArmsAreAlike() {
        // given
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT, POPULARITY));

        // when
        ThompsonBandit.Choice choice = bandit.choose(new SplittableRandom(3));

        // then: 201 Bernoulli(0.5) rounds have a standard error of 0.035
        assertThat(choice.propensity()).isCloseTo(0.5, within(0.15));
        assertThat(choice.propensity() * 201).isCloseTo(Math.rint(choice.propensity() * 201), within(1e-9));
    }

    @Test
    void shouldDiscountEveryArmBeforeAddingTheRewardWhenAFactorIsSet() {
        // given
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT, POPULARITY), 0.5);

        // when
        bandit.reward(CONTENT, 1.0);
        bandit.reward(POPULARITY, 0.0);

        // then: content (2, 1) → (1.5, 1); popularity (1, 1) → (1, 1) + no reward = (1, 2)
        assertThat(bandit.posterior(CONTENT)).isEqualTo(new BetaPosterior(1.5, 1.0));
        assertThat(bandit.posterior(POPULARITY)).isEqualTo(new BetaPosterior(1.0, 2.0));
    }

    @Test
    void shouldIgnoreARewardWhenTheArmIsUnknown() {
        // given
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT));
        BanditSnapshot before = bandit.snapshot();

        // when
        boolean applied = bandit.reward("retired-model", 1.0);

        // then
        assertThat(applied).isFalse();
        assertThat(bandit.snapshot()).isEqualTo(before);
    }

    @Test
    void shouldLeaveStateUnchangedWhenARewardIsInvalid() {
        // given
        ThompsonBandit bandit = new ThompsonBandit(List.of(CONTENT, POPULARITY), 0.9);
        bandit.reward(CONTENT, 1.0);
        BanditSnapshot before = bandit.snapshot();

        // when / then
        assertThatThrownBy(() -> bandit.reward(CONTENT, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bandit.snapshot()).isEqualTo(before);
    }

    @Test
    void shouldRestoreTheSameStateAndDrawsWhenRoundTrippedThroughASnapshot() {
        // given
        ThompsonBandit original = new ThompsonBandit(List.of(POPULARITY, CONTENT, "recency"));
        SplittableRandom training = new SplittableRandom(11);
        for (int i = 0; i < 50; i++) {
            original.reward(original.choose(training).arm(), i % 3 == 0 ? 1.0 : 0.3);
        }

        // when
        BanditSnapshot snapshot = original.snapshot();
        ThompsonBandit restored = ThompsonBandit.fromSnapshot(BanditSnapshot.of(Map.copyOf(snapshot.arms())));

        // then
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.arms()).containsExactly(CONTENT, POPULARITY, "recency");
        assertThat(restored.choose(new SplittableRandom(8))).isEqualTo(original.choose(new SplittableRandom(8)));
    }

    @Test
    void shouldKeepKnownArmsAddNewOnesAndDropRetiredOnesWhenRestoredWithOtherArms() {
        // given
        BanditSnapshot snapshot = BanditSnapshot.of(Map.of(
                CONTENT, new BanditSnapshot.Arm(4.0, 2.0, 5),
                "retired", new BanditSnapshot.Arm(2.0, 9.0, 10)));

        // when
        ThompsonBandit bandit = ThompsonBandit.fromSnapshot(snapshot, List.of(CONTENT, POPULARITY),
                ThompsonBandit.NO_DISCOUNT, ThompsonBandit.DEFAULT_PROPENSITY_DRAWS);

        // then
        assertThat(bandit.snapshot().arms()).containsExactly(
                Map.entry(CONTENT, new BanditSnapshot.Arm(4.0, 2.0, 5)),
                Map.entry(POPULARITY, new BanditSnapshot.Arm(1.0, 1.0, 0)));
    }

    @Test
    void shouldRejectArmsWhenTheyRepeatOrAreMissing() {
        // when / then
        assertThatThrownBy(() -> new ThompsonBandit(List.of(CONTENT, CONTENT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonBandit(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonBandit(List.of(CONTENT), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
