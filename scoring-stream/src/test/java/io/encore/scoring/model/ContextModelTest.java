package io.encore.scoring.model;

import static io.encore.scoring.model.Concerts.concert;
import static io.encore.scoring.model.Guests.guest;
import static io.encore.scoring.model.Vectors.UNTOUCHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

class ContextModelTest {

    /** Monday 3 March 2025, 10:00 in Copenhagen. */
    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(
            // Friday 7 March 19:30 CET: four days ahead, evening
            concert("friday-evening").startsAt("2025-03-07T18:30:00Z").hall("Koncertsalen").priceBand("mid"),
            // Monday 14 April 11:00 CEST: 42 days ahead, morning
            concert("monday-morning").startsAt("2025-04-14T09:00:00Z").hall("Studie 2").priceBand("high"),
            concert("undated").hall("Koncertsalen").priceBand("mid"),
            // Friday 13 June 21:15 CEST (19:15 UTC, which would be evening in UTC): night
            concert("friday-night").startsAt("2025-06-13T19:15:00Z"));
    private final ContextModel model = new ContextModel();
    /** Goes on Friday evenings, buys within a month, in Koncertsalen, mid price. */
    private final GuestView regular = guest()
            .weekdays(0f, 0f, 0f, 0f, 0.8f, 0.2f, 0f)
            .dayparts(0f, 0f, 1f, 0f)
            .leadTimes(0.5f, 0.5f, 0f, 0f)
            .hall("Koncertsalen", 0.9f).hall("Studie 2", 0.1f)
            .priceBand("mid", 1f)
            .view();

    @Test
    void shouldScoreAFullFitWhenTheConcertMatchesEveryHabit() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(regular, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: Friday, evening, <7 days, the usual hall and band; Monday morning in the other hall fits little
        assertThat(scores[0]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(0.15f * 0.1f / 0.9f, within(1e-6f));
    }

    @Test
    void shouldBeNeutralInTheDatePartsWhenTheConcertIsUndated() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(regular, catalogue, Vectors.only(2), NOW, scores);

        // then: weekday, daypart and lead time at 0.5; hall and band fit fully
        assertThat(scores[2]).isCloseTo(0.25f * 0.5f + 0.25f * 0.5f + 0.15f * 0.5f + 0.15f + 0.2f, within(1e-6f));
    }

    @Test
    void shouldBucketTheDaypartInCopenhagenTimeWhenDaylightSavingApplies() {
        // given: a guest who only goes late
        GuestView nightOwl = guest().weekdays(0f, 0f, 0f, 0f, 1f, 0f, 0f).dayparts(0f, 0f, 0f, 1f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(nightOwl, catalogue, Vectors.only(0, 3), NOW, scores);

        // then: 21:15 local is night; 19:30 local is evening
        assertThat(scores[3]).isCloseTo(0.25f + 0.25f + 0.5f * 0.5f, within(1e-6f));
        assertThat(scores[0]).isCloseTo(0.25f + 0.5f * 0.5f, within(1e-6f));
    }

    @Test
    void shouldScoreNeutralWhenTheGuestHasNoHabits() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest().view(), catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, within(1e-6f));
    }

    @Test
    void shouldFavourConcertsWithinAWeekWhenAMobileGuestVisitsInTheEvening() {
        // given
        GuestView onThePhone = guest().context("MOBILE", 20).view();
        GuestView atTheDesk = guest().context("DESKTOP", 20).view();
        float[] phoneScores = Vectors.untouched(catalogue);
        float[] deskScores = Vectors.untouched(catalogue);

        // when
        model.score(onThePhone, catalogue, Vectors.all(catalogue), NOW, phoneScores);
        model.score(atTheDesk, catalogue, Vectors.all(catalogue), NOW, deskScores);

        // then: only Friday is within seven days; undated concerts are never "soon"
        assertThat(phoneScores).containsExactly(new float[] {0.6f, 0.5f, 0.5f, 0.5f}, within(1e-6f));
        assertThat(deskScores).containsExactly(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, within(1e-6f));
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(regular, catalogue, Vectors.only(1), NOW, scores);

        // then
        assertThat(scores[0]).isEqualTo(UNTOUCHED);
        assertThat(scores[2]).isEqualTo(UNTOUCHED);
        assertThat(scores[3]).isEqualTo(UNTOUCHED);
    }

    @Test
    void shouldUseTheNewDatesWhenANewCatalogueSnapshotMovesAConcert() {
        // given: the Friday concert moves to Monday morning in the next snapshot
        Catalogue moved = Concerts.catalogue(
                concert("friday-evening").startsAt("2025-03-10T10:00:00Z").hall("Koncertsalen").priceBand("mid"));
        float[] before = Vectors.untouched(catalogue);
        float[] after = Vectors.untouched(moved);

        // when
        model.score(regular, catalogue, Vectors.only(0), NOW, before);
        model.score(regular, moved, Vectors.only(0), NOW, after);

        // then: weekday and daypart fit 0 now; seven days ahead is the 7–29 bucket, which fits too
        assertThat(before[0]).isCloseTo(1f, within(1e-6f));
        assertThat(after[0]).isCloseTo(0.15f + 0.15f + 0.2f, within(1e-6f));
    }

    @Test
    void shouldExplainTheHabitsTheConcertFitsWhenTheGuestIsARegular() {
        // given / when
        List<RecommendationReason> reasons = model.explain(regular, catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "On a Friday evening, as you like", null),
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "In Koncertsalen, where you often go", "koncertsalen"),
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "In your usual price range", null));
    }

    @Test
    void shouldGiveNoReasonWhenTheGuestHasNoHabitsOrContext() {
        // given / when / then
        assertThat(model.explain(guest().view(), catalogue, 0, NOW)).isEmpty();
    }

    @Test
    void shouldExplainTheWeekWhenAMobileGuestVisitsInTheEvening() {
        // given / when
        List<RecommendationReason> reasons = model.explain(guest().context("MOBILE", 20).view(), catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "Coming up within a week", null));
    }
}
