package io.encore.scoring.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpliftEstimateTest {

    @Test
    void shouldGiveAnIntervalThatIncludesZeroWhenTheControlGroupIsSmall() {
        // given: 600 of 10,000 treated convert (6%), 100 of 2,000 held out (5%)
        UpliftEstimate.Counts treated = new UpliftEstimate.Counts(10_000, 600);
        UpliftEstimate.Counts control = new UpliftEstimate.Counts(2_000, 100);

        // when
        UpliftEstimate estimate = UpliftEstimate.of(treated, control);

        // then: se = sqrt(0.06·0.94/10000 + 0.05·0.95/2000) = sqrt(2.939e-5) = 0.0054213
        assertThat(estimate.uplift()).isCloseTo(0.01, within(1e-12));
        assertThat(estimate.lower()).isCloseTo(-0.000625, within(1e-6));
        assertThat(estimate.upper()).isCloseTo(0.020625, within(1e-6));
        assertThat(estimate.relativeUplift()).hasValueCloseTo(0.2, within(1e-9));
        assertThat(estimate.isSignificant()).isFalse();
        assertThat(estimate.hasEnoughData()).isTrue();
    }

    @Test
    void shouldBeSignificantWhenTheIntervalExcludesZero() {
        // given: 6% of 20,000 treated against 4% of 1,000 held out
        UpliftEstimate.Counts treated = new UpliftEstimate.Counts(20_000, 1_200);
        UpliftEstimate.Counts control = new UpliftEstimate.Counts(1_000, 40);

        // when
        UpliftEstimate estimate = UpliftEstimate.of(treated, control);

        // then: se = sqrt(0.06·0.94/20000 + 0.04·0.96/1000) = sqrt(4.122e-5) = 0.0064203
        assertThat(estimate.lower()).isCloseTo(0.007416, within(1e-6));
        assertThat(estimate.upper()).isCloseTo(0.032584, within(1e-6));
        assertThat(estimate.relativeUplift()).hasValueCloseTo(0.5, within(1e-9));
        assertThat(estimate.isSignificant()).isTrue();
    }

    @Test
    void shouldReportNoRelativeUpliftAndTooLittleDataWhenTheControlNeverConverted() {
        // given
        UpliftEstimate.Counts treated = new UpliftEstimate.Counts(500, 12);
        UpliftEstimate.Counts control = new UpliftEstimate.Counts(30, 0);

        // when
        UpliftEstimate estimate = UpliftEstimate.of(treated, control);

        // then
        assertThat(estimate.uplift()).isCloseTo(0.024, within(1e-12));
        assertThat(estimate.relativeUplift()).isEmpty();
        assertThat(estimate.hasEnoughData()).isFalse();
    }

    @Test
    void shouldRejectCountsWhenConversionsExceedShown() {
        // when / then
        assertThatThrownBy(() -> new UpliftEstimate.Counts(10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpliftEstimate.Counts(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
