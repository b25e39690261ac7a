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

import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

class BlendTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Catalogue catalogue = Concerts.catalogue(concert("a"), concert("b"), concert("c"), concert("d"));
    /** A cosine-like model and a log-velocity one, on very different scales; d is never eligible here. */
    private final FixedModel content = new FixedModel("content", 0f, 10f, 5f, 1000f);
    private final FixedModel popular = new FixedModel("popular", 1f, 0f, 0.5f, -1000f);

    @Test
    void shouldMinMaxNormaliseEachModelOverTheEligibleSetBeforeWeighting() {
        // given: weights 3 : 1, rescaled to 0.75 : 0.25
        Blend blend = new Blend("mix", List.of(new Blend.Component(content, 3f), new Blend.Component(popular, 1f)));
        float[] scores = Vectors.untouched(catalogue);

        // when
        blend.score(guest().view(), catalogue, Vectors.only(0, 1, 2), NOW, scores);

        // then: content [0, 1, 0.5], popular [1, 0, 0.5]; d untouched and not in anyone's min or max
        assertThat(scores).containsExactly(new float[] {0.25f, 0.75f, 0.5f, UNTOUCHED}, within(1e-6f));
    }

    @Test
    void shouldAddNothingWhenAModelScoresEveryEligibleConcertAlike() {
        // given
        FixedModel flat = new FixedModel("flat", 0.5f, 0.5f, 0.5f, 0.5f);
        Blend blend = new Blend("mix", List.of(new Blend.Component(content, 1f), new Blend.Component(flat, 1f)));
        float[] scores = Vectors.untouched(catalogue);

        // when
        blend.score(guest().view(), catalogue, Vectors.only(0, 1, 2), NOW, scores);

        // then
        assertThat(scores).containsExactly(new float[] {0f, 0.5f, 0.25f, UNTOUCHED}, within(1e-6f));
    }

    @Test
    void shouldReportTheComponentThatContributedMostWhenAskedPerConcert() {
        // given
        Blend blend = new Blend("mix", List.of(new Blend.Component(content, 3f), new Blend.Component(popular, 1f)));
        float[] scores = Vectors.untouched(catalogue);
        int[] dominant = {9, 9, 9, 9};

        // when
        blend.score(guest().view(), catalogue, Vectors.only(0, 1, 2), NOW, scores, dominant);

        // then: a only from popular, b and c mostly from content, d untouched
        assertThat(dominant).containsExactly(1, 0, 0, 9);
    }

    @Test
    void shouldExplainWithTheReasonsOfTheDominantComponentWhenExplaining() {
        // given: all four concerts on sale and undated, so all eligible when explaining
        Blend blend = new Blend("mix", List.of(new Blend.Component(content, 1f), new Blend.Component(popular, 1f)));
        GuestView guest = guest().view();

        // when
        List<RecommendationReason> forA = blend.explain(guest, catalogue, 0, NOW);
        List<RecommendationReason> forD = blend.explain(guest, catalogue, 3, NOW);

        // then: over all four, a is popular's best and content's worst; d is content's best
        assertThat(forA).extracting(RecommendationReason::getText).containsExactly("from popular");
        assertThat(forD).extracting(RecommendationReason::getText).containsExactly("from content");
    }

    @Test
    void shouldGiveNoReasonWhenNoComponentLiftsTheConcert() {
        // given
        Blend blend = new Blend("mix", List.of(new Blend.Component(content, 1f)));

        // when
        List<RecommendationReason> reasons = blend.explain(guest().view(), catalogue, 0, NOW);

        // then
        assertThat(reasons).isEmpty();
    }

    @Test
    void shouldRejectABlendWithoutPositiveWeightWhenConstructed() {
        // given / when / then
        assertThatThrownBy(() -> new Blend("empty", List.of(new Blend.Component(content, 0f))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Blend.Component(content, -1f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepItsNameWhenNamedAsAnArm() {
        // given / when
        Blend blend = new Blend("content-and-popular", List.of(new Blend.Component(content, 1f)));

        // then
        assertThat(blend.name()).isEqualTo("content-and-popular");
    }
}
