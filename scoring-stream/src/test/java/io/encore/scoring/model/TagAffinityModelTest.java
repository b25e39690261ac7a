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

class TagAffinityModelTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(
            concert("crooner").concept("tag:vocal jazz", 0.5f).concept("performer:gregory porter", 0.5f),
            concert("swing").concept("tag:swing", 0.5f).concept("performer:big band", 0.5f),
            concert("percussion").concept("tag:experimental jazz", 0.6f).concept("performer:marilyn mazur", 0.4f));
    private final TagAffinityModel model = new TagAffinityModel();

    @Test
    void shouldRankBySubGenreWhenTheGuestLikesSeveralTags() {
        // given: vocal jazz, not jazz in general; the performer weight is not a tag and does not count
        GuestView guest = guest().likes("tag:vocal jazz", 4f).likes("tag:swing", 2f)
                .likes("performer:marilyn mazur", 8f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then: 0.5 × 4 / 4, 0.5 × 2 / 4, nothing
        assertThat(scores[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[1]).isCloseTo(0.25f, within(1e-6f));
        assertThat(scores[2]).isZero();
    }

    @Test
    void shouldScoreZeroWhenTheGuestHasNoTags() {
        // given
        GuestView guest = guest().likes("performer:gregory porter", 3f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.all(catalogue), NOW, scores);

        // then
        assertThat(scores).containsExactly(0f, 0f, 0f);
    }

    @Test
    void shouldLeaveIneligibleEntriesUntouchedWhenScoring() {
        // given
        GuestView guest = guest().likes("tag:vocal jazz", 4f).view();
        float[] scores = Vectors.untouched(catalogue);

        // when
        model.score(guest, catalogue, Vectors.only(2), NOW, scores);

        // then
        assertThat(scores).containsExactly(UNTOUCHED, UNTOUCHED, 0f);
    }

    @Test
    void shouldExplainWithTheTagWhenItMatches() {
        // given
        GuestView guest = guest().likes("tag:vocal jazz", 4f).likes("performer:gregory porter", 9f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 0, NOW);

        // then
        assertThat(reasons).containsExactly(
                new RecommendationReason(ReasonCode.SIMILAR_CONTENT, "Because you like vocal jazz", "vocal jazz"));
    }

    @Test
    void shouldGiveNoReasonWhenNoTagMatches() {
        // given
        GuestView guest = guest().likes("tag:vocal jazz", 4f).view();

        // when
        List<RecommendationReason> reasons = model.explain(guest, catalogue, 2, NOW);

        // then
        assertThat(reasons).isEmpty();
    }
}
