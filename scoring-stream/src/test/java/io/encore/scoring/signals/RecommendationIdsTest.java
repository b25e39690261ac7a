package io.encore.scoring.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecommendationIdsTest {

    @Test
    void shouldCarryChannelGroupArmAndExposureStartInANewId() {
        // when
        String id = RecommendationIds.create("WEB", "loyal", "concept-match", 1_700_000_000_000L);
        // then
        RecommendationIds.Issued issued = RecommendationIds.parse(id).orElseThrow();
        assertThat(issued.channel()).isEqualTo("WEB");
        assertThat(issued.group()).isEqualTo("loyal");
        assertThat(issued.arm()).isEqualTo("concept-match");
        assertThat(issued.issuedAt()).isEqualTo(1_700_000_000_000L);
        assertThat(id).startsWith(issued.exposure() + ".");
        assertThat(issued.extendable()).isTrue();
    }

    @Test
    void shouldGiveAFurtherListOfAnExposureItsOwnIdAndTheSameExposure() {
        // given
        RecommendationIds.Issued first = RecommendationIds.parse(
                RecommendationIds.create("EMAIL", "new", "trending", 5L)).orElseThrow();
        // when
        String next = RecommendationIds.next(first);
        // then
        RecommendationIds.Issued issued = RecommendationIds.parse(next).orElseThrow();
        assertThat(issued).isEqualTo(first);
        assertThat(next).isNotEqualTo(RecommendationIds.next(first));
    }

    @Test
    void shouldStartAnotherExposureWithEveryCreate() {
        assertThat(RecommendationIds.parse(RecommendationIds.create("WEB", "a", "b", 1L)).orElseThrow().exposure())
                .isNotEqualTo(RecommendationIds.parse(RecommendationIds.create("WEB", "a", "b", 1L)).orElseThrow().exposure());
    }

    @Test
    void shouldReadAFirstVersionIdAsAnExposureOfOneList() {
        // given: an id published before exposures
        String v1 = "r1.WEB.loyal.trending.1700000000000.5f0c1e64-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
        // when
        RecommendationIds.Issued issued = RecommendationIds.parse(v1).orElseThrow();
        // then
        assertThat(issued.arm()).isEqualTo("trending");
        assertThat(issued.issuedAt()).isEqualTo(1_700_000_000_000L);
        assertThat(issued.exposure()).isEqualTo(v1);
        assertThat(issued.extendable()).isFalse();
        assertThatThrownBy(() -> RecommendationIds.next(issued)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotReadIdsMadeElsewhere() {
        assertThat(RecommendationIds.parse(null)).isEmpty();
        assertThat(RecommendationIds.parse("campaign-42")).isEmpty();
        assertThat(RecommendationIds.parse("r2.WEB.loyal.trending.notatime.a.b")).isEmpty();
        assertThat(RecommendationIds.parse("r2.WEB.loyal.trending.1.a")).isEmpty();
        assertThat(RecommendationIds.parse("r3.WEB.loyal.trending.1.a.b")).isEmpty();
    }

    @Test
    void shouldKeepDotsOutOfTheParts() {
        String id = RecommendationIds.create("WEB", "a.b", null, 1L);
        RecommendationIds.Issued issued = RecommendationIds.parse(id).orElseThrow();
        assertThat(issued.group()).isEqualTo("a_b");
        assertThat(issued.arm()).isEqualTo("unknown");
    }
}
