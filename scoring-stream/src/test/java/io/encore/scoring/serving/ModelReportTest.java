package io.encore.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.bandit.UpliftEstimate;
import io.encore.scoring.serving.ModelReport.ArmStats;
import io.encore.scoring.serving.ModelReport.HoldoutUplift;
import io.encore.scoring.serving.ModelReport.Trials;

class ModelReportTest {

    @Test
    void shouldReportEveryArmPerChannelAndGroupWithItsPosteriorMean() {
        // given
        Map<String, SharedSignal> signals = Map.of("a:WEB|loyal", bandit(Map.of("concept-match", arm(4, 8, 10))));
        // when
        ModelReport report = ModelReport.of(signals);
        // then
        ArmStats stats = report.channels().get("WEB").groups().get("loyal").get("concept-match");
        assertThat(stats).isEqualTo(new ArmStats(4, 8, 4.0 / 12, 10));
    }

    @Test
    void shouldCompareAllModelArmsWithTheControlArmOverEveryGroupWhenAChannelHasBoth() {
        // given: rewards are alpha - 1 (a Beta(1, 1) prior), trials are selections
        Map<String, SharedSignal> signals = Map.of(
                "a:EMAIL|loyal", bandit(Map.of("concept-match", arm(31, 71, 100), "trending", arm(11, 91, 100),
                        "control", arm(6, 46, 50))),
                "a:EMAIL|new", bandit(Map.of("concept-match", arm(6, 96, 100), "control", arm(3, 49, 50))));
        // when
        HoldoutUplift holdout = ModelReport.of(signals).channels().get("EMAIL").holdout();
        // then
        assertThat(holdout.treated()).isEqualTo(new Trials(300, 45));
        assertThat(holdout.control()).isEqualTo(new Trials(100, 7));
        UpliftEstimate expected = UpliftEstimate.of(new UpliftEstimate.Counts(300, 45), new UpliftEstimate.Counts(100, 7));
        assertThat(holdout.uplift().uplift()).isCloseTo(0.15 - 0.07, within(1e-12));
        assertThat(holdout.uplift().lower()).isEqualTo(expected.lower());
        assertThat(holdout.uplift().upper()).isEqualTo(expected.upper());
        assertThat(holdout.uplift().hasEnoughData()).isFalse(); // the control has only 7 conversions
    }

    @Test
    void shouldCountAClickAsItsRewardAndRoundTheSumWhenRewardsAreFractional() {
        // given: three clicks at 0.3 and one purchase
        Map<String, SharedSignal> signals = Map.of("a:WEB|loyal", bandit(Map.of("concept-match", arm(2.9, 8.1, 10),
                "control", arm(1, 3, 2))));
        // when
        HoldoutUplift holdout = ModelReport.of(signals).channels().get("WEB").holdout();
        // then
        assertThat(holdout.treated()).isEqualTo(new Trials(10, 2));
    }

    @Test
    void shouldLeaveTheUpliftOutWhenTheControlHasNoTrialsYet() {
        // given
        Map<String, SharedSignal> signals = Map.of("a:ADS|loyal", bandit(Map.of("trending", arm(3, 5, 6))));
        // when
        HoldoutUplift holdout = ModelReport.of(signals).channels().get("ADS").holdout();
        // then
        assertThat(holdout.control()).isEqualTo(new Trials(0, 0));
        assertThat(holdout.uplift()).isNull();
    }

    @Test
    void shouldCapConversionsAtTrialsWhenARewardArrivedBeforeItsTrial() {
        // given
        Map<String, SharedSignal> signals = Map.of("a:WEB|loyal", bandit(Map.of("trending", arm(3, 1, 1),
                "control", arm(2, 1, 1))));
        // when
        HoldoutUplift holdout = ModelReport.of(signals).channels().get("WEB").holdout();
        // then
        assertThat(holdout.treated()).isEqualTo(new Trials(1, 1));
    }

    @Test
    void shouldSkipSignalsThatAreNotBanditsWhenTheStoreHoldsOthers() {
        // given
        Map<String, SharedSignal> signals = new HashMap<>();
        signals.put("c:concert-1", SharedSignal.newBuilder().setVelocity(3).build());
        signals.put("b:17", SharedSignal.newBuilder().build());
        signals.put("a:WEB|loyal", bandit(Map.of("trending", arm(1, 1, 0))));
        // when
        ModelReport report = ModelReport.of(signals);
        // then
        assertThat(report.channels()).containsOnlyKeys("WEB");
    }

    private static SharedSignal bandit(Map<String, ArmState> arms) {
        return SharedSignal.newBuilder().setArms(new HashMap<>(arms)).build();
    }

    private static ArmState arm(double alpha, double beta, long selections) {
        return new ArmState(alpha, beta, selections);
    }
}
