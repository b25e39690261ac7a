package io.encore.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The concept arithmetic the content models share: the weight a guest gives to the concepts of a concert,
 * optionally restricted to some kinds. Guest weights are decayed sums in event-weight units (unbounded), so
 * they are divided by the guest's largest weight of the same kinds; with concert weights summing to 1 the
 * result stays in [0, 1].
 */
final class SharedConcepts {

    /** Keys of these kinds never explain a match: a hall is where, not what. */
    private static final String[] NOT_EXPLAINED = {ConceptKeys.HALL};

    private SharedConcepts() {
    }

    /** 1 / the guest's largest positive weight among keys with one of {@code prefixes} (null: all); 0 if none. */
    static float inverseMax(Map<String, Float> concepts, String[] prefixes) {
        float max = 0f;
        for (Map.Entry<String, Float> entry : concepts.entrySet()) {
            float weight = entry.getValue();
            if (weight > max && (prefixes == null || ConceptKeys.hasAnyPrefix(entry.getKey(), prefixes))) {
                max = weight;
            }
        }
        return max > 0f && Float.isFinite(max) ? 1f / max : 0f;
    }

    /**
     * Σ concert weight × guest weight over the concert's concepts the guest weighs positively, in key order;
     * {@code guestWeights} by concept id, already restricted to the kinds that count
     * ({@link io.encore.scoring.catalogue.Catalogue#weightsByConcept}). Allocation-free.
     */
    static float overlap(float[] guestWeights, int[] ids, float[] weights) {
        float sum = 0f;
        for (int c = 0; c < ids.length; c++) {
            float weight = guestWeights[ids[c]];
            if (weight > 0f) {
                sum += weights[c] * weight;
            }
        }
        return sum;
    }

    /**
     * The concert's keys (with one of {@code prefixes}, null: any kind but halls) the guest likes, by
     * contribution, strongest first; at most {@code max}, and none weaker than a quarter of the strongest so
     * an explanation never leans on a trace.
     */
    static List<String> strongest(Map<String, Float> concepts, String[] prefixes, String[] keys, float[] weights,
                                  int max) {
        List<String> found = new ArrayList<>();
        List<Float> contributions = new ArrayList<>();
        for (int c = 0; c < keys.length; c++) {
            boolean kind = prefixes == null ? !ConceptKeys.hasAnyPrefix(keys[c], NOT_EXPLAINED)
                    : ConceptKeys.hasAnyPrefix(keys[c], prefixes);
            Float weight = kind ? concepts.get(keys[c]) : null;
            if (weight != null && weight > 0f && weights[c] > 0f) {
                int at = 0;
                float contribution = weights[c] * weight;
                while (at < contributions.size() && contributions.get(at) >= contribution) {
                    at++;
                }
                found.add(at, keys[c]);
                contributions.add(at, contribution);
            }
        }
        int keep = 0;
        while (keep < found.size() && keep < max && contributions.get(keep) >= contributions.get(0) / 4f) {
            keep++;
        }
        return List.copyOf(found.subList(0, keep));
    }
}
