package io.encore.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * The content model: how close a concert is to everything the guest has shown interest in, as the cosine of
 * the guest's taste vector and the concert's unit vector, minus a penalty for concepts the guest opted out of.
 * The vector carries the whole cognitive profile (performers, tags, terms), which is why "jazz is not just
 * jazz": a crooner fan's vector points at vocal jazz, not at experimental percussion.
 *
 * <p>Scale: {@code cosine − aversionWeight × penalty}, the cosine in [−1, 1] and the penalty in [0, 1]
 * (see {@link Aversions}); so [−1 − aversionWeight, 1], typically [0, 1] for liked concerts. A guest without
 * a taste (empty, all zeros or of another dimension) scores 0 everywhere, minus any aversion penalty.
 *
 * <p>Reasons: {@code SIMILAR_CONTENT} naming the concert's concepts the guest likes most ("Because you like
 * vocal jazz"), or a plain "Close to what you like" when only the vectors agree.
 */
public final class ConceptMatchModel implements ScoringModel {

    public static final String NAME = "concept-match";

    /**
     * A strength-3 aversion to a concert's strongest concept costs 2 × 0.63 ≈ 1.3: below any concert the guest
     * merely does not care about. One to a concept of a third of that weight costs about 0.4.
     */
    public static final float DEFAULT_AVERSION_WEIGHT = 2f;

    private final float aversionWeight;

    public ConceptMatchModel() {
        this(DEFAULT_AVERSION_WEIGHT);
    }

    public ConceptMatchModel(float aversionWeight) {
        if (!(aversionWeight >= 0f) || !Float.isFinite(aversionWeight)) {
            throw new IllegalArgumentException("aversion weight must be finite and non-negative: " + aversionWeight);
        }
        this.aversionWeight = aversionWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        int dimension = catalogue.dimension();
        float[] taste = guest.taste();
        float inverseNorm = Kernel.inverseNorm(taste, dimension);
        float[] vectors = catalogue.vectors();
        Map<String, Float> aversions = guest.aversions();
        float[] saturations = aversionWeight > 0f && !aversions.isEmpty()
                ? Aversions.saturations(aversions, catalogue.vocabulary()) : null;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            float score = inverseNorm == 0f ? 0f : Kernel.dot(taste, 0, vectors, i * dimension, dimension) * inverseNorm;
            if (saturations != null) {
                score -= aversionWeight * Aversions.penalty(saturations, catalogue.conceptIds(i), catalogue.conceptWeights(i));
            }
            scores[i] = score;
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        List<String> shared = SharedConcepts.strongest(guest.concepts(), null, catalogue.conceptKeys(concert),
                catalogue.conceptWeights(concert), Reasons.MAX);
        List<RecommendationReason> reasons = new ArrayList<>(shared.size());
        for (String key : shared) {
            reasons.add(Reasons.becauseYouLike(ReasonCode.SIMILAR_CONTENT, key));
        }
        if (reasons.isEmpty() && Kernel.cosine(guest.taste(), catalogue, concert) > 0f) {
            reasons.add(Reasons.of(ReasonCode.SIMILAR_CONTENT, "Close to what you like", null));
        }
        return List.copyOf(reasons);
    }
}
