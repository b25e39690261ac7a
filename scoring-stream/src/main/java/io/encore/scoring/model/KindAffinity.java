package io.encore.scoring.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.catalogue.ConceptVocabulary;

/**
 * The shared body of the affinity models: Σ over a concert's concepts of the chosen kinds of concert weight ×
 * the guest's weight relative to their strongest concept of those kinds. In [0, 1]: 1 would be a concert made
 * only of the guest's favourite; real concerts, whose weight is spread over ~20 concepts, score up to ~0.3.
 * Aversions need no term here: a concept the guest rejects is absent from their positive concepts.
 *
 * <p>The guest's weights of the chosen kinds are laid out once per call by concept id, so the walk over the
 * catalogue costs a few array reads per concert concept. The strongest weight still comes from the guest's whole map:
 * a favourite no concert carries today still sets the scale.
 */
final class KindAffinity {

    private final Set<ConceptKind> kinds;
    private final String[] prefixes;

    KindAffinity(ConceptKind first, ConceptKind... rest) {
        kinds = EnumSet.of(first, rest);
        prefixes = new String[kinds.size()];
        int k = 0;
        for (ConceptKind kind : kinds) {
            prefixes[k++] = ConceptVocabulary.prefix(kind);
        }
    }

    void score(GuestView guest, Catalogue catalogue, BitSet eligible, float[] scores) {
        Map<String, Float> concepts = guest.concepts();
        float inverseMax = SharedConcepts.inverseMax(concepts, prefixes);
        float[] liked = inverseMax == 0f ? null : catalogue.weightsByConcept(concepts, kinds);
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = liked == null ? 0f
                    : inverseMax * SharedConcepts.overlap(liked, catalogue.conceptIds(i), catalogue.conceptWeights(i));
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
