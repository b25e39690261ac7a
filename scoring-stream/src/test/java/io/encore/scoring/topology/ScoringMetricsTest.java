package io.encore.scoring.topology;

import static io.encore.scoring.topology.ScoringFixtures.T0;
import static io.encore.scoring.topology.ScoringFixtures.concert;
import static io.encore.scoring.topology.ScoringFixtures.guest;
import static io.encore.scoring.topology.ScoringFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestProfile;
import io.encore.scoring.bandit.Holdout;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.TrendingModel;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * scoring-stream's own meters after profiles went through the topology: changes by channel and reason, arms
 * chosen by channel and arm, and the event-to-change latency histogram, read from the app's registry and its
 * Prometheus text.
 */
class ScoringMetricsTest {

    private static final String ANNA = "GUEST_ID:anna";
    private static final String BO = "GUEST_ID:bo";

    private ScoringDriver scoring;

    @BeforeEach
    void catalogue() {
        ScoringSettings settings = ScoringSettings.defaults();
        Holdout holdout = new Holdout(settings.holdoutShare());
        assertThat(holdout.isHoldout(ANNA) || holdout.isHoldout(BO)).as("the test guests are personalized").isFalse();
        scoring = new ScoringDriver(new ScoringSettings(settings.applicationId(), "", ScoringFixtures.DIMENSION,
                List.of(Channel.WEB, Channel.ADS), 3, 2, 4, 0.0, settings.holdoutShare(),
                settings.attributionWindow(), settings.clickReward(), settings.rescoreInterval(), settings.rescoreBatch(),
                settings.audienceSize(), Map.of(), 3, 3),
                T0, signals -> List.of(new ConceptMatchModel()), TrendingModel::control);
        for (int i = 0; i < 4; i++) {
            String id = "c-" + i;
            scoring.pipe(scoring.topics.concerts(), id, concert(id, "Performer " + i, T0.plus(Duration.ofDays(10 + i)),
                    ConcertStatus.ON_SALE));
            scoring.pipe(scoring.topics.concertProfiles(), id, profile(id, "Performer " + i, i));
        }
        scoring.advanceWallClock(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void shouldCountChangesAndArmSelectionsByChannelWhenProfilesArrive() {
        // when: two guests' first lists, then one of them withdraws consent to the web
        scoring.pipe(scoring.topics.guestProfiles(), ANNA, guest(ANNA, 0, 1, List.of()));
        scoring.pipe(scoring.topics.guestProfiles(), BO, guest(BO, 1, 1, List.of()));
        GuestProfile withdrawn = GuestProfile.newBuilder(guest(ANNA, 0, 2, List.of())).setAllowedChannels(List.of()).build();
        scoring.pipe(scoring.topics.guestProfiles(), ANNA, withdrawn);

        // then
        assertThat(scoring.changes()).hasSize(3);
        String scraped = scoring.meters.scrape();
        assertThat(scraped).contains(
                "encore_recommendation_changes_total{channel=\"web\",reason=\"PROFILE_CHANGED\"} 2.0",
                "encore_recommendation_changes_total{channel=\"web\",reason=\"CONSENT_CHANGED\"} 1.0",
                "encore_model_selections_total{arm=\"" + ConceptMatchModel.NAME + "\",channel=\"web\"} 2.0");
        assertThat(scraped).doesNotContain(ANNA, BO);
    }

    @Test
    void shouldRecordTheTimeFromTheEventToTheChangeWhenAProfileCarriesItsEventTime() {
        // given: the profile's timestamp is the event time, 300 ms before the wall clock
        // when
        scoring.pipeAt(scoring.topics.guestProfiles(), ANNA, guest(ANNA, 0, 1, List.of()),
                scoring.wallClock().minusMillis(300));

        // then: one observation of 0.3 s, in the 0.5 s bucket and not in the 0.25 s one
        HistogramSnapshot latency = scoring.meters.get("encore.end.to.end.latency").tag("channel", "web").timer()
                .takeSnapshot();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.total(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(300.0);
        assertThat(bucket(latency, 0.25)).isZero();
        assertThat(bucket(latency, 0.5)).isEqualTo(1.0);
        assertThat(scoring.meters.scrape()).contains("encore_end_to_end_latency_seconds_bucket{channel=\"web\",le=\"0.5\"} 1");
    }

    @Test
    void shouldLeaveOutAnEventOlderThanTheLiveHorizonWhenHistoryIsReplayed() {
        // when: a profile changed by an event two days old (an import)
        scoring.pipeAt(scoring.topics.guestProfiles(), ANNA, guest(ANNA, 0, 1, List.of()),
                scoring.wallClock().minus(Duration.ofDays(2)));

        // then: the change is counted, its latency is not
        assertThat(scoring.changes()).hasSize(1);
        assertThat(scoring.meters.find("encore.end.to.end.latency").timer()).isNull();
    }

    private static double bucket(HistogramSnapshot snapshot, double seconds) {
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            if (bucket.bucket(java.util.concurrent.TimeUnit.SECONDS) == seconds) {
                return bucket.count();
            }
        }
        throw new AssertionError("no bucket at " + seconds + " s");
    }
}
