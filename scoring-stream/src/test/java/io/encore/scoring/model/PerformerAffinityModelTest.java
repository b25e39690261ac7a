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

class PerformerAffinityModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(
            concert("crooner").concept("performer:gregory porter", 0.4f).concept("tag:jazz", 0.6f),
            concert("percussion").concept("performer:marilyn mazur", 0.4f).concept("tag:jazz", 0.6f),
            concert("symphony").concept("composer:carl nielsen", 0.5f).concept("work:symfoni nr. 4", 0.3f)
                    .concept("tag:symphony", 0.2f));
    private final PerformerAffinityModel model = new PerformerAffinityModel();

    @Test
    void shouldPreferTheGuestsPerformerWhenTwoConcertsShareAGenre() {
        // given: both concerts are "jazz", but the guest follows the crooner, not the percussionist
        GuestView guest = guest().likes("performer:gregory porter", 4f).likes("tag:jazz", 9f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: 0.4 × 4 / 4; the shared tag counts for nothing here
        assertThat(scores[0]).isCloseTo(0.4f, within(1e-6f));
        assertThat(scores[1]).isZero();
        assertThat(scores[2]).isZero();
    }

    @Test
    void shouldAddComposerAndWorkWeightsRelativeToTheStrongestWhenBothMatch() {
        // given
        GuestView guest = guest().likes("composer:carl nielsen", 2f).likes("work:symfoni nr. 4", 1f)
                .likes("performer:gregory porter", 4f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: (0.5 × 2 + 0.3 × 1) / 4
        assertThat(scores[2]).isCloseTo(0.325f, within(1e-6f));
        assertThat(scores[0]).isCloseTo(0.4f, within(1e-6f));
    }

    @Test
    void shouldScoreZeroWhenTheGuestFollowsNoPerformerComposerOrWork() {
        // given
        GuestView guest = guest().likes("tag:jazz", 3f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f);
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        GuestView guest = guest().likes("performer:gregory porter", 4f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(1, 2), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, 0f, 0f);
    }

    @Test
    void shouldExplainWithTheKindOfEachSharedConceptWhenAComposerAndWorkMatch() {
        // given
        GuestView guest = guest().likes("composer:carl nielsen", 2f).likes("work:symfoni nr. 4", 1f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 2, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SAME_COMPOSER, "Because you like music by Carl Nielsen", "carl nielsen"),
                new RecommendationReason(ReasonCode.SAME_WORK, "Because you like Symfoni nr. 4", "symfoni nr. 4"));
    }

    @Test
    void shouldExplainWithSamePerformerWhenThePerformerMatches() {
        // given
        GuestView guest = guest().likes("performer:gregory porter", 4f).likes("tag:jazz", 9f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 0, NOW);

        // then: the tag is not this model's business
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SAME_PERFORMER, "Because you like Gregory Porter", "gregory porter"));
    }
}
