package io.encore.scoring.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * The shared body of the affinity models: Σ over a concert's concepts of the chosen kinds of concert weight ×
 * the guest's weight relative to their strongest concept of those kinds. In [0, 1]: 1 would be a concert made
 * only of the guest's favourite; real concerts, whose weight is spread over ~20 concepts, score up to ~0.3.
 * Aversions need no term here: a concept the guest rejects is absent from their positive concepts.
 */
final class KindAffinity {

    private final String[] prefixes;

    KindAffinity(String... prefixes) {
        this.prefixes = prefixes.clone();
    }

    void score(GuestView guest, Catalogue catalogue, BitSet eligible, float[] scores) {
        Map<String, Float> concepts = guest.concepts();
        float inverseMax = SharedConcepts.inverseMax(concepts, prefixes);
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = inverseMax == 0f ? 0f : inverseMax
                    * SharedConcepts.overlap(concepts, prefixes, catalogue.conceptKeys(i), catalogue.conceptWeights(i));
        }
    }

    /** One reason per shared concept of these kinds, strongest first, coded by the concept's kind. */
    List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert) {
        List<String> shared = SharedConcepts.strongest(guest.concepts(), prefixes, catalogue.conceptKeys(concert),
                catalogue.conceptWeights(concert), Reasons.MAX);
        List<RecommendationReason> reasons = new ArrayList<>(shared.size());
        for (String key : shared) {
            reasons.add(Reasons.becauseYouLike(Reasons.codeOf(key), key));
        }
        return List.copyOf(reasons);
    }
}
