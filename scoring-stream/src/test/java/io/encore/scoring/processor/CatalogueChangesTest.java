package io.encore.scoring.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.scoring.avro.CatalogueEntry;

/** Which catalogue changes make scoring-stream re-score a task's guests: the ones a list depends on. */
class CatalogueChangesTest {

    private static final CatalogueEntry ON_SALE = CatalogueEntry.newBuilder().setConcertId("c-1").setTitle("Porter")
            .setStartTime(1_800_000_000_000L).setHall("Koncertsalen").setCheapestSeatMinor(25_000L).setStatus("ON_SALE")
            .setSeatsAvailable(100).setPerformers(List.of("Gregory Porter")).setConceptKeys(List.of("performer:porter"))
            .setConceptWeights(List.of(1f)).setVector(List.of(1f, 0f)).setProfiled(true).setVersion(7L)
            .setDeleted(false).build();

    @Test
    void shouldSeeNothingToReScoreWhenASaleLeavesSeats() {
        CatalogueEntry sold = CatalogueEntry.newBuilder(ON_SALE).setSeatsAvailable(99).setVersion(8L).build();
        assertThat(ScoringProcessor.asScored(sold)).isEqualTo(ScoringProcessor.asScored(ON_SALE));
    }

    @Test
    void shouldReScoreWhenTheLastSeatGoesOrAnythingScoredChanges() {
        assertThat(ScoringProcessor.asScored(CatalogueEntry.newBuilder(ON_SALE).setSeatsAvailable(0).build()))
                .isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
        assertThat(ScoringProcessor.asScored(CatalogueEntry.newBuilder(ON_SALE).setStatus("CANCELLED").build()))
                .isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
        assertThat(ScoringProcessor.asScored(CatalogueEntry.newBuilder(ON_SALE).setStartTime(1_800_086_400_000L).build()))
                .isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
        assertThat(ScoringProcessor.asScored(CatalogueEntry.newBuilder(ON_SALE).setVector(List.of(0f, 1f)).build()))
                .isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
        assertThat(ScoringProcessor.asScored(CatalogueEntry.newBuilder(ON_SALE).setCheapestSeatMinor(30_000L).build()))
                .isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
    }

    @Test
    void shouldTreatAnUnknownSeatCountAsItsOwnState() {
        CatalogueEntry unknown = CatalogueEntry.newBuilder(ON_SALE).setSeatsAvailable(null).build();
        assertThat(ScoringProcessor.asScored(unknown)).isNotEqualTo(ScoringProcessor.asScored(ON_SALE));
        assertThat(ScoringProcessor.asScored(unknown).getSeatsAvailable()).isNull();
    }
}
