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

class CoAttendanceModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    /** "porter-2024" and "nielsen-2024" were bought; the rest are candidates. */
    private final Catalogue catalogue = Concerts.catalogue(
            concert("porter-2024").performers("gregory porter"),
            concert("nielsen-2024").performers("carl nielsen"),
            concert("crooner-b"),
            concert("choir"),
            concert("percussion"));
    private final Signals.CoAttendance coAttendance = concertId -> switch (concertId) {
        case "porter-2024" -> Map.of("crooner-b", 4f, "choir", 2f, "gone-elsewhere", 1f);
        case "nielsen-2024" -> Map.of("choir", 3f);
        default -> Map.of();
    };
    private final CoAttendanceModel model = new CoAttendanceModel(coAttendance);

    @Test
    void shouldScoreNeighboursRelativeToTheStrongestWhenTheGuestBoughtOnce() {
        // given
        GuestView guest = guest().bought("porter-2024").view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(2, 3, 4), NOW, scores);

        // then: 4/4 and 2/4, over log2(1 + 1) = 1; an unknown neighbour is skipped
        assertThat(scores[2]).isCloseTo(1f, within(1e-6f));
        assertThat(scores[3]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[4]).isZero();
    }

    @Test
    void shouldAddAgreementAcrossPurchasesWhenTwoPurchasesShareANeighbour() {
        // given
        GuestView guest = guest().bought("porter-2024", "nielsen-2024").view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(2, 3, 4), NOW, scores);

        // then: the choir gets 0.5 + 3/3, the crooner 1, both over log2(3)
        double log2of3 = Math.log(3) / Math.log(2);
        assertThat(scores[3]).isCloseTo((float) (1.5 / log2of3), within(1e-6f));
        assertThat(scores[2]).isCloseTo((float) (1 / log2of3), within(1e-6f));
        assertThat(scores[3]).isGreaterThan(scores[2]);
    }

    @Test
    void shouldScoreZeroWhenTheGuestHasNoPurchases() {
        // given
        GuestView guest = guest().view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(2, 3, 4), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, UNTOUCHED, 0f, 0f, 0f);
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenANeighbourIsNotEligible() {
        // given: the crooner is a neighbour but not eligible (say, sold out)
        GuestView guest = guest().bought("porter-2024").view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(3, 4), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, UNTOUCHED, UNTOUCHED, 0.5f, 0f);
    }

    @Test
    void shouldNameThePerformerOfTheStrongestPurchaseWhenExplaining() {
        // given: for the choir, Nielsen (3/3) contributes more than Porter (2/4)
        GuestView guest = guest().bought("porter-2024", "nielsen-2024").view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 3, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_GUESTS,
                        "Guests who bought tickets for Carl Nielsen also bought this", "carl nielsen"),
                new RecommendationReason(ReasonCode.SIMILAR_GUESTS,
                        "Guests who bought tickets for Gregory Porter also bought this", "gregory porter"));
    }

    @Test
    void shouldExplainWithoutANameWhenThePurchaseIsNoLongerInTheCatalogue() {
        // given
        Signals.CoAttendance signals = concertId -> "old-gala".equals(concertId) ? Map.of("choir", 1f) : Map.of();
        GuestView guest = guest().bought("old-gala").view();

        // when
        List<RecommendationReason> reasons = new CoAttendanceModel(signals).explain(guest, catalogue, 3, NOW);

        // then
        assertThat(reasons).containsExactly(new RecommendationReason(ReasonCode.SIMILAR_GUESTS,
                "Guests who bought the same concerts as you also bought this", null));
    }
}
