package io.encore.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.RecommendationChangeReason;

class LatencyTrackerTest {

    private static final long START = 1_000_000L;

    private final LatencyTracker tracker = new LatencyTracker(START);

    @Test
    void shouldMeasureFromTheEventTimeOfTheProfileThatCausedTheWebChange() {
        // given: an event at +100 made profile-stream publish at +400
        tracker.onProfile("GUEST_ID:g", START + 100, START + 400);
        // when: scoring-stream published the WEB change at +700
        tracker.onChange("GUEST_ID:g", Channel.WEB, RecommendationChangeReason.PROFILE_CHANGED, START + 700);
        // then
        assertThat(tracker.endToEnd(START + 1_000)).isEqualTo(new LatencyTracker.Summary(1, 600, 600, 600));
        assertThat(tracker.profileStage(START + 1_000)).isEqualTo(new LatencyTracker.Summary(1, 300, 300, 300));
    }

    @Test
    void shouldMatchAChangeReadBeforeItsProfileOnceTheProfileArrives() {
        // when
        tracker.onChange("GUEST_ID:g", Channel.WEB, RecommendationChangeReason.MODEL_SWITCHED, START + 900);
        tracker.onProfile("GUEST_ID:g", START + 200, START + 500);
        // then
        assertThat(tracker.endToEnd(START + 1_000).p50()).isEqualTo(700);
    }

    @Test
    void shouldUseTheNewestProfilePublishedBeforeTheChange() {
        // given
        tracker.onProfile("GUEST_ID:g", START + 100, START + 200);
        tracker.onProfile("GUEST_ID:g", START + 300, START + 450);
        tracker.onProfile("GUEST_ID:g", START + 900, START + 950); // after the change: not its cause
        // when
        tracker.onChange("GUEST_ID:g", Channel.WEB, RecommendationChangeReason.PROFILE_CHANGED, START + 500);
        // then
        assertThat(tracker.endToEnd(START + 1_000).p50()).isEqualTo(200);
    }

    @Test
    void shouldIgnoreOtherChannelsCatalogueChangesHistoryReplaysAndRecordsFromBeforeTheStart() {
        // given
        tracker.onProfile("GUEST_ID:a", START + 100, START + 200);
        tracker.onProfile("GUEST_ID:old", START - 5 * 60_000, START - 4 * 60_000);
        tracker.onProfile("GUEST_ID:import", START - LatencyTracker.BACKFILL_MILLIS - 1, START + 300);
        // when
        tracker.onChange("GUEST_ID:a", Channel.EMAIL, RecommendationChangeReason.PROFILE_CHANGED, START + 300);
        tracker.onChange("GUEST_ID:a", Channel.WEB, RecommendationChangeReason.CATALOGUE_CHANGED, START + 300);
        tracker.onChange("GUEST_ID:old", Channel.WEB, RecommendationChangeReason.PROFILE_CHANGED, START - 1);
        tracker.onChange("GUEST_ID:import", Channel.WEB, RecommendationChangeReason.PROFILE_CHANGED, START + 400);
        // then
        assertThat(tracker.endToEnd(START + 1_000).count()).isZero();
        assertThat(tracker.profileStage(START + 1_000).count()).isEqualTo(1);
    }

    @Test
    void shouldSummariseOnlyTheLastTenSecondsWithNearestRankPercentiles() {
        // given
        for (int i = 1; i <= 20; i++) {
            tracker.onProfile("GUEST_ID:g" + i, START + 1_000, START + 1_000 + i * 10L);
        }
        tracker.onProfile("GUEST_ID:early", START, START + 1); // 1 ms, but outside the window below
        // when
        LatencyTracker.Summary summary = tracker.profileStage(START + 1_000 + LatencyTracker.WINDOW_MILLIS);
        // then
        assertThat(summary).isEqualTo(new LatencyTracker.Summary(20, 100, 190, 200));
    }

    @Test
    void shouldGiveUpOnAChangeWhoseProfileNeverCame() {
        // given
        tracker.onChange("GUEST_ID:g", Channel.WEB, RecommendationChangeReason.PROFILE_CHANGED, START + 100);
        tracker.expire(START + 100 + LatencyTracker.PENDING_MILLIS + 1);
        // when
        tracker.onProfile("GUEST_ID:g", START + 50, START + 90);
        // then
        assertThat(tracker.endToEnd(START + 200).count()).isZero();
    }
}
