package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;

import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * Who is on stage and what they play: the guest's affinity for a concert's performers, composers and works.
 * The sharpest signal for guests who follow artists (the Gregory Porter fan), and deliberately blind to genre
 * labels, so it never assumes that one pop act's fans love another.
 *
 * <p>Scale: [0, 1], Σ concert weight × guest weight / the guest's strongest performer, composer or work
 * weight over the concert's {@code performer:}, {@code composer:} and {@code work:} keys; 0 for guests with
 * none of these concepts.
 *
 * <p>Reasons: {@code SAME_PERFORMER}, {@code SAME_COMPOSER} or {@code SAME_WORK} with the concept, e.g.
 * "Because you like Gregory Porter" ({@code gregory porter}).
 */
public final class PerformerAffinityModel implements ScoringModel {

    public static final String NAME = "performer-affinity";

    private final KindAffinity affinity = new KindAffinity(ConceptKind.PERFORMER, ConceptKind.COMPOSER, ConceptKind.WORK);

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
