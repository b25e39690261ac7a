package io.encore.scoring.model;

import static io.encore.scoring.model.Concerts.concert;
import static io.encore.scoring.model.Guests.guest;
import static io.encore.scoring.model.Vectors.UNTOUCHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

class LookAlikeModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(concert("crooner"), concert("choir"), concert("percussion"));
    private final Signals.TwinPurchases twins = taste -> taste[0] > 0.5f
            ? Map.of("crooner", 6f, "choir", 3f, "past-gala", 2f)
            : Map.of("percussion", 1f);
    private final LookAlikeModel model = new LookAlikeModel(twins);

    @Test
    void shouldScoreWhatTwinsBoughtRelativeToTheirFavouriteWhenTheGuestHasATaste() {
        // given
        GuestView guest = guest().taste(Vectors.axis(0)).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: 6/6, 3/6, not bought
        assertThat(scores[0]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[2]).isZero();
    }

    @Test
    void shouldFollowTheTasteWhenTheTwinsDiffer() {
        // given
        GuestView guest = guest().taste(Vectors.axis(1)).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 1f);
    }

    @Test
    void shouldScoreZeroWithoutAskingForTwinsWhenTheTasteIsEmpty() {
        // given: a signal that fails if asked
        LookAlikeModel strict = new LookAlikeModel(taste -> {
            throw new AssertionError("twins asked for an empty taste");
        });
        float[] scores = Vectors.untouched(catalogue);

        // when
        strict.score(guest().view(), catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f);
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenTwinsBoughtThem() {
        // given
        GuestView guest = guest().taste(Vectors.axis(0)).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(1, 2), NOW, scores);

        // then
        assertThat(scores[0]).isEqualTo(UNTOUCHED);
        assertThat(scores[1]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void shouldExplainWithSimilarGuestsOnlyWhenTwinsBoughtTheConcert() {
        // given
        GuestView guest = guest().taste(Vectors.axis(0)).view();

        // when
        List<RecommendationReason> bought = model.explain(guest, catalogue, 1, NOW);
        List<RecommendationReason> notBought = model.explain(guest, catalogue, 2, NOW);

        // then
        assertThat(bought).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_GUESTS, "Guests with a taste like yours bought this", null));
        assertThat(notBought).isEmpty();
    }
}
