package io.encore.scoring.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RewardsTest {

    private static final long DAY = 86_400_000L;

    @Test
    void shouldPayOneForAPurchaseAndPointThreeForAClickWhenDefaultsAreUsed() {
        // given
        Rewards rewards = Rewards.DEFAULT;

        // when / then
        assertThat(rewards.of(Feedback.PURCHASE)).isEqualTo(1.0);
        assertThat(rewards.of(Feedback.CLICK)).isEqualTo(0.3);
        assertThat(rewards.of(Feedback.NONE)).isEqualTo(0.0);
    }

    @Test
    void shouldPayTheConfiguredClickRewardWhenConfigured() {
        // given
        Rewards rewards = new Rewards(1.0, 0.1, Duration.ofDays(3));

        // when
        double click = rewards.of(Feedback.CLICK);

        // then
        assertThat(click).isEqualTo(0.1);
        assertThat(rewards.windowClosesAt(1_000L)).isEqualTo(1_000L + 3 * DAY);
    }

    @Test
    void shouldKeepThePurchaseWhenAClickFollowsIt() {
        // given
        Feedback seen = Feedback.NONE.strongest(Feedback.PURCHASE);

        // when
        Feedback best = seen.strongest(Feedback.CLICK);

        // then
        assertThat(best).isEqualTo(Feedback.PURCHASE);
        assertThat(Feedback.NONE.strongest(Feedback.CLICK)).isEqualTo(Feedback.CLICK);
    }

    @Test
    void shouldAttributeResponsesOnlyWhenInsideTheWindow() {
        // given
        Rewards rewards = Rewards.DEFAULT;
        long published = 10 * DAY;

        // when / then
        assertThat(rewards.attributable(published, published)).isTrue();
        assertThat(rewards.attributable(published, published + 7 * DAY - 1)).isTrue();
        assertThat(rewards.attributable(published, published + 7 * DAY)).isFalse();
        assertThat(rewards.attributable(published, published - 1)).isFalse();
    }

    @Test
    void shouldRejectAClickRewardWhenItExceedsThePurchaseReward() {
        // when / then
        assertThatThrownBy(() -> new Rewards(0.5, 0.6, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rewards(1.0, 0.3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
