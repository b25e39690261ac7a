package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;

import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * One way of scoring a guest against the catalogue. Implementations are small, stateless apart from the
 * shared signals they are given at construction, and fast: {@link #score} writes into a caller-owned
 * {@code float[]} with no allocation per concert, so the bandit can run several models per guest.
 */
public interface ScoringModel {

    /** Stable name: the bandit's arm, and {@code RecommendationItem.model}. */
    String name();

    /**
     * Writes a score for every concert set in {@code eligible} into {@code scores[i]}, higher is better;
     * entries not in {@code eligible} are left as they are. Scores are comparable within one call only.
     */
    void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores);

    /**
     * Human-readable reasons why concert {@code concert} scores well for the guest under this model, most
     * important first; at most three. Called for the few concerts that make a list, never on the hot path.
     */
    List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now);
}
