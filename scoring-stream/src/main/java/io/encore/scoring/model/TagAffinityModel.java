package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;

import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * Sub-genre fit: the guest's affinity for a concert's tags ({@code vocal jazz}, {@code late romantic}). Tags
 * are finer than genres, which is the point — "jazz" alone would lump the crooner with the experimental
 * percussionist — and they reach concerts by performers the guest has never met.
 *
 * <p>Scale: [0, 1], Σ concert weight × guest weight / the guest's strongest tag weight over the concert's
 * {@code tag:} keys; 0 for guests without tag concepts.
 *
 * <p>Reasons: {@code SIMILAR_CONTENT} with the tag, e.g. "Because you like vocal jazz" ({@code vocal jazz}).
 */
public final class TagAffinityModel implements ScoringModel {

    public static final String NAME = "tag-affinity";

    private final KindAffinity affinity = new KindAffinity(ConceptKind.TAG);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        affinity.score(guest, catalogue, eligible, scores);
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        return affinity.explain(guest, catalogue, concert);
    }
}
