package io.encore.scoring.model;

import static io.encore.scoring.model.Concerts.concert;
import static io.encore.scoring.model.Guests.guest;
import static io.encore.scoring.model.Vectors.UNTOUCHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

class TrendingModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(concert("rock-icon"), concert("choir"), concert("quiet"));
    private final Signals.Trending trending = new Signals.Trending() {
        private final Map<String, Float> overall = Map.of("rock-icon", 20f, "choir", 3f);
        private final Map<String, Float> loyal = Map.of("choir", 8f);

        @Override
        public float overall(String concertId) {
            return overall.getOrDefault(concertId, 0f);
        }

        @Override
        public float inGroup(String behaviourGroup, String concertId) {
            return "loyal".equals(behaviourGroup) ? loyal.getOrDefault(concertId, 0f) : 0f;
        }
    };
    private final TrendingModel model = new TrendingModel(trending);

    @Test
    void shouldMixGroupAndOverallVelocityEquallyWhenTheDefaultMixIsUsed() {
        // given
        GuestView guest = guest().group("loyal").view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: 0.5 ln(1 + group) + 0.5 ln(1 + overall)
        assertThat(scores[0]).isCloseTo((float) (0.5 * Math.log(21)), within(1e-6f));
        assertThat(scores[1]).isCloseTo((float) (0.5 * Math.log(9) + 0.5 * Math.log(4)), within(1e-6f));
        assertThat(scores[2]).isZero();
    }

    @Test
    void shouldUseOverallVelocityAloneWhenTheGuestHasNoBehaviourGroup() {
        // given
        GuestView guest = guest().view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores[0]).isCloseTo((float) Math.log(21), within(1e-6f));
        assertThat(scores[1]).isCloseTo((float) Math.log(4), within(1e-6f));
    }

    @Test
    void shouldIgnoreTasteWhenTwoGuestsOfOneGroupDifferInTaste() {
        // given
        GuestView crooner = guest().group("loyal").taste(Vectors.axis(0)).likes("tag:vocal jazz", 5f).view();
        GuestView rocker = guest().group("loyal").taste(Vectors.axis(3)).likes("tag:rock", 5f).view();
        float[] croonerScores = Vectors.untouched(catalogue);
        float[] rockerScores = Vectors.untouched(catalogue);

        // when
        model.score(crooner, catalogue, Vectors.all(catalogue), NOW, croonerScores);
        model.score(rocker, catalogue, Vectors.all(catalogue), NOW, rockerScores);

        // then
        assertThat(croonerScores).containsExactly(rockerScores);
    }

    @Test
    void shouldGiveEveryGuestTheOverallListWhenBuiltAsTheHoldoutControl() {
        // given
        TrendingModel control = TrendingModel.control(trending);
        float[] loyalScores = Vectors.untouched(catalogue);
        float[] anonymousScores = Vectors.untouched(catalogue);

        // when
        control.score(guest().group("loyal").view(), catalogue, Vectors.all(catalogue), NOW, loyalScores);
        control.score(guest().view(), catalogue, Vectors.all(catalogue), NOW, anonymousScores);

        // then
        assertThat(loyalScores).containsExactly(anonymousScores);
        assertThat(loyalScores[0]).isCloseTo((float) Math.log(21), within(1e-6f));
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest().view(), catalogue, Vectors.only(2), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, UNTOUCHED, 0f);
    }

    @Test
    void shouldPutTheGroupReasonFirstWhenTheGroupPartIsLarger() {
        // given
        GuestView guest = guest().group("loyal").view();

        // when
        List<RecommendationReason> choir = model.explain(guest, catalogue, 1, NOW);
        List<RecommendationReason> quiet = model.explain(guest, catalogue, 2, NOW);

        // then
        assertThat(choir).extracting(RecommendationReason::getText)
                .containsExactly("Selling fast among guests like you", "Selling fast right now");
        assertThat(choir).extracting(RecommendationReason::getCode).containsOnly(ReasonCode.TRENDING);
        assertThat(quiet).isEmpty();
    }

    @Test
    void shouldRejectAMixOutsideZeroToOneWhenConstructed() {
        // given / when / then
        assertThatThrownBy(() -> new TrendingModel(trending, 1.5f)).isInstanceOf(IllegalArgumentException.class);
    }
}
