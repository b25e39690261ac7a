package io.encore.scoring.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoldoutTest {

    private static final int GUESTS = 100_000;

    @Test
    void shouldHoldOutFivePercentOfGuestsWhenDefaultsAreUsed() {
        // given
        Holdout holdout = new Holdout();

        // when
        int held = 0;
        for (int i = 0; i < GUESTS; i++) {
            if (holdout.isHoldout("g-" + i)) {
                held++;
            }
        }

        // then: 4.928% (checked with an independent murmur2 implementation)
        assertThat(held / (double) GUESTS).isCloseTo(0.05, within(0.005));
    }

    @Test
    void shouldGiveTheSamePositionWhenAskedByAnotherInstanceOrJvm() {
        // given: values computed outside Java with Kafka's murmur2 (seed 0x9747b28c)
        Holdout first = new Holdout();
        Holdout second = new Holdout(0.05);

        // when
        double position = first.position("g-1042");

        // then
        assertThat(position).isEqualTo(0.3780333776958287);
        assertThat(second.position("g-1042")).isEqualTo(position);
        assertThat(first.position("guest-42")).isEqualTo(0.9785698554478586);
        assertThat(first.isHoldout("g-8")).isTrue();              // position 0.0074
        assertThat(first.isHoldout("g-1042")).isFalse();
    }

    @Test
    void shouldOnlyAddGuestsToTheControlGroupWhenTheShareGrows() {
        // given
        Holdout small = new Holdout(0.05);
        Holdout large = new Holdout(0.20);

        // when
        int movedOut = 0;
        for (int i = 0; i < 10_000; i++) {
            String guest = "g-" + i;
            if (small.isHoldout(guest) && !large.isHoldout(guest)) {
                movedOut++;
            }
        }

        // then
        assertThat(movedOut).isZero();
    }

    @Test
    void shouldDrawAnotherGroupWhenASaltIsGiven() {
        // given
        Holdout salted = new Holdout(0.05, "2026:");

        // when
        double position = salted.position("g-1042");

        // then
        assertThat(position).isEqualTo(0.19889668049290776);
    }

    @Test
    void shouldHoldOutNobodyWhenTheShareIsZero() {
        // given
        Holdout none = new Holdout(0.0);

        // when / then
        assertThat(none.isHoldout("g-8")).isFalse();
    }
}
