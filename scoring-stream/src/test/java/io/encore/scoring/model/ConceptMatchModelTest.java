package io.encore.scoring.model;

import static io.encore.scoring.model.Concerts.concert;
import static io.encore.scoring.model.Guests.guest;
import static io.encore.scoring.model.Vectors.UNTOUCHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

class ConceptMatchModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(
            concert("crooner").vector(Vectors.unit(1f, 0.2f)).performers("gregory porter")
                    .concept("tag:vocal jazz", 0.5f).concept("performer:gregory porter", 0.3f)
                    .concept("hall:koncertsalen", 0.2f),
            concert("percussion").vector(Vectors.unit(0.2f, 1f)).performers("marilyn mazur")
                    .concept("tag:experimental jazz", 0.5f).concept("performer:marilyn mazur", 0.5f),
            concert("symphony").vector(Vectors.axis(2)).performers("carl nielsen")
                    .concept("composer:carl nielsen", 0.6f).concept("tag:symphony", 0.4f));
    private final ConceptMatchModel model = new ConceptMatchModel();

    @Test
    void shouldRankTheCroonerFirstWhenTheGuestLovesVocalJazz() {
        // given: "jazz is not just jazz": the taste points at the crooner, not at the percussionist
        GuestView guest = guest().taste(Vectors.unit(1f, 0.1f)).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: cosines of (1, 0.1) with (1, 0.2), (0.2, 1) and (0, 0, 1)
        assertThat(scores[0]).isCloseTo((float) (1.02 / Math.sqrt(1.01 * 1.04)), within(1e-6f));
        assertThat(scores[1]).isCloseTo((float) (0.3 / Math.sqrt(1.01 * 1.04)), within(1e-6f));
        assertThat(scores[2]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void shouldUseTheCosineWhenTheTasteIsNotUnitLength() {
        // given: the same direction, ten times as long
        GuestView guest = guest().taste(new float[] {10f, 0f, 0f, 0f, 0f, 0f, 0f, 0f}).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores[0]).isCloseTo((float) (1 / Math.sqrt(1.04)), within(1e-6f));
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        GuestView guest = guest().taste(Vectors.unit(1f, 0.1f)).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(1), NOW, scores);

        // then
        assertThat(scores[0]).isEqualTo(UNTOUCHED);
        assertThat(scores[1]).isNotEqualTo(UNTOUCHED);
        assertThat(scores[2]).isEqualTo(UNTOUCHED);
    }

    @Test
    void shouldLowerTheScoreWhenTheGuestOptedOutOfAConcertConcept() {
        // given: the same taste, once with an aversion of strength 6 to the crooner's performer
        GuestView fan = guest().taste(Vectors.unit(1f, 0.1f)).view();
        GuestView averse = guest().taste(Vectors.unit(1f, 0.1f)).dislikes("performer:gregory porter", 6f).view();
        float[] fanScores = Vectors.untouched(catalogue);
        float[] averseScores = Vectors.untouched(catalogue);

        // when
        model.score(fan, catalogue, Vectors.all(catalogue), NOW, fanScores);
        model.score(averse, catalogue, Vectors.all(catalogue), NOW, averseScores);

        // then: 2 × (0.3 / the strongest weight 0.5) × (1 − e^(−6/3)); other concerts unchanged
        float penalty = (float) (2 * 0.6 * (1 - Math.exp(-2)));
        assertThat(averseScores[0]).isCloseTo(fanScores[0] - penalty, within(1e-6f));
        assertThat(averseScores[1]).isEqualTo(fanScores[1]);
        assertThat(averseScores[0]).isLessThan(averseScores[1]);
    }

    @Test
    void shouldCapThePenaltyWhenTheGuestRejectsEveryConceptOfTheConcert() {
        // given: strong aversions to all three concepts: Σ (weight / strongest) = 2, capped at 1
        GuestView fan = guest().taste(Vectors.unit(1f, 0.1f)).view();
        GuestView averse = guest().taste(Vectors.unit(1f, 0.1f)).dislikes("tag:vocal jazz", 300f)
                .dislikes("performer:gregory porter", 300f).dislikes("hall:koncertsalen", 300f).view();
        float[] fanScores = Vectors.untouched(catalogue);
        float[] averseScores = Vectors.untouched(catalogue);

        // when
        model.score(fan, catalogue, Vectors.only(0), NOW, fanScores);
        model.score(averse, catalogue, Vectors.only(0), NOW, averseScores);

        // then: the default weight 2 × the capped penalty 1
        assertThat(averseScores[0]).isCloseTo(fanScores[0] - 2f, within(1e-6f));
    }

    @Test
    void shouldScoreZeroWhenTheTasteIsEmpty() {
        // given
        GuestView guest = guest().view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f);
    }

    @Test
    void shouldScoreZeroWhenTheTasteIsOfAnotherDimension() {
        // given: a profile from before the vector space changed
        GuestView guest = guest().taste(new float[] {1f, 0f, 0f}).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f);
    }

    @Test
    void shouldNameTheStrongestSharedConceptWhenExplaining() {
        // given: vocal jazz contributes 0.5 × 5 = 2.5, the performer 0.3 × 1 = 0.3 (under a quarter: left out)
        GuestView guest = guest().taste(Vectors.unit(1f, 0.1f))
                .likes("tag:vocal jazz", 5f).likes("performer:gregory porter", 1f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "Because you like vocal jazz", "vocal jazz"));
    }

    @Test
    void shouldNameSeveralConceptsStrongestFirstWhenTheyContributeAlike() {
        // given: the hall is liked too, but a hall is where, not what
        GuestView guest = guest().taste(Vectors.unit(1f, 0.1f)).likes("tag:vocal jazz", 1f)
                .likes("performer:gregory porter", 2f).likes("hall:koncertsalen", 9f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 0, NOW);

        // then: 0.3 × 2 = 0.6 before 0.5 × 1 = 0.5
        assertThat(reasons).extracting(RecommendationReason::getConcept).containsExactly("gregory porter", "vocal jazz");
        assertThat(reasons.get(0).getText()).isEqualTo("Because you like Gregory Porter");
        assertThat(reasons).extracting(RecommendationReason::getCode).containsOnly(ReasonCode.SIMILAR_CONTENT);
    }

    @Test
    void shouldGiveAPlainReasonWhenOnlyTheVectorsAgree() {
        // given
        GuestView guest = guest().taste(Vectors.unit(1f, 0.1f)).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "Close to what you like", null));
    }

    @Test
    void shouldRejectANegativeAversionWeightWhenConstructed() {
        // given / when / then
        assertThatThrownBy(() -> new ConceptMatchModel(-1f)).isInstanceOf(IllegalArgumentException.class);
    }
}
