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

class DiscoveryModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(
            concert("mazur-debut").vector(Vectors.unit(0.8f, 0.6f)).performers("marilyn mazur").newToVenue(),
            concert("porter-again").vector(Vectors.axis(0)).performers("gregory porter"),
            concert("duo").vector(Vectors.axis(0)).performers("gregory porter", "jamie cullum"),
            concert("metal-debut").vector(Vectors.axis(5)).performers("new band").newToVenue());
    private final DiscoveryModel model = new DiscoveryModel();
    private final GuestView jazzFan = guest().taste(Vectors.axis(0)).likes("performer:gregory porter", 5f).view();

    @Test
    void shouldFavourTheNewcomerThatFitsTheTasteWhenTheOtherConcertIsFamiliar() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(jazzFan, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: novelty 1 × cosine 0.8; the followed performer's concert has no novelty left
        assertThat(scores[0]).isCloseTo(0.8f, within(1e-6f));
        assertThat(scores[1]).isZero();
    }

    @Test
    void shouldShrinkNoveltyWithTheShareOfFollowedPerformersWhenOneOfTwoIsFollowed() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(jazzFan, catalogue, Vectors.only(2), NOW, scores);

        // then: base 0.2 × (1 − 1/2) × cosine 1
        assertThat(scores[2]).isCloseTo(0.1f, within(1e-6f));
    }

    @Test
    void shouldScoreZeroWhenANewcomerIsOutsideTheGuestsTaste() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(jazzFan, catalogue, Vectors.only(3), NOW, scores);

        // then
        assertThat(scores[3]).isZero();
    }

    @Test
    void shouldScoreZeroWhenTheTasteIsEmpty() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest().view(), catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(jazzFan, catalogue, Vectors.only(1), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, 0f, UNTOUCHED, UNTOUCHED);
    }

    @Test
    void shouldNameTheNewcomerWhenExplainingAConcertNewToTheHall() {
        // given / when
        List<RecommendationReason> reasons = model.explain(jazzFan, catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.NEW_ON_SALE, "New to the hall: Marilyn Mazur", "marilyn mazur"));
    }

    @Test
    void shouldNameThePerformerNewToTheGuestWhenTheConcertIsNotNewToTheHall() {
        // given / when
        List<RecommendationReason> reasons = model.explain(jazzFan, catalogue, 2, NOW);

        // then
        assertThat(reasons).containsExactly(new RecommendationReason(ReasonCode.SIMILAR_CONTENT,
                "New to you, close to what you like: Jamie Cullum", "jamie cullum"));
    }

    @Test
    void shouldGiveNoReasonWhenTheConcertScoresZero() {
        // given / when / then
        assertThat(model.explain(jazzFan, catalogue, 1, NOW)).isEmpty();
        assertThat(model.explain(jazzFan, catalogue, 3, NOW)).isEmpty();
    }
}
