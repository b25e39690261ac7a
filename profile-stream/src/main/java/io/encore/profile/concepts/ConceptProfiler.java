package io.encore.profile.concepts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.WeightedConcept;

/**
 * Turns a concert's concept counts into what scoring needs: TF-IDF weights over the catalogue, the top-K
 * concepts (for explanations) and a dense vector of fixed dimension (for fast dot products).
 *
 * <p>Weight of concept c in concert d: {@code tfidf(c, d) = tf(c, d) · (ln((1 + N) / (1 + df(c))) + 1)}, with N
 * the number of concerts in the catalogue and df(c) those mentioning c (smoothed so a concept in every
 * concert still counts a little). The dense vector hashes each concept's key into one of {@code dimension}
 * buckets with a sign from a second hash bit (feature hashing: collisions cancel in expectation rather than
 * add up), then is scaled to unit length so a dot product is a cosine.
 */
public final class ConceptProfiler {

    /** Catalogue statistics the IDF needs; profile-stream keeps them in a state store. */
    public interface DocumentFrequencies {

        /** Concerts in the catalogue (N). */
        long documentCount();

        /** Concerts whose profile mentions {@code concept} (df). */
        long frequency(Concept concept);
    }

    /** A profiled concert: top concepts by weight, and the unit-length dense vector. */
    public record Profile(List<WeightedConcept> topConcepts, float[] vector) {
    }

    private final int topK;
    private final int dimension;

    public ConceptProfiler(int topK, int dimension) {
        if (topK < 1 || dimension < 1) {
            throw new IllegalArgumentException("topK and dimension must be positive, got " + topK + " and " + dimension);
        }
        this.topK = topK;
        this.dimension = dimension;
    }

    public Profile profile(Map<Concept, Double> termFrequencies, DocumentFrequencies catalogue) {
        long n = Math.max(catalogue.documentCount(), 1);
        float[] vector = new float[dimension];
        List<WeightedConcept> weighted = termFrequencies.entrySet().stream()
                .map(entry -> {
                    long df = Math.min(catalogue.frequency(entry.getKey()), n);
                    double idf = Math.log((1.0 + n) / (1.0 + df)) + 1.0;
                    return new WeightedConcept(entry.getKey().name(), entry.getKey().kind(), (float) (entry.getValue() * idf));
                })
                .sorted(Comparator.comparingDouble(WeightedConcept::getWeight).reversed()
                        .thenComparing(c -> c.getKind().name() + ":" + c.getConcept()))
                .toList();
        for (WeightedConcept concept : weighted) {
            FeatureHashing.add(vector, new Concept(concept.getKind(), concept.getConcept()).key(), concept.getWeight());
        }
        normalize(vector);
        return new Profile(weighted.subList(0, Math.min(topK, weighted.size())), vector);
    }

    private static void normalize(float[] vector) {
        double sumOfSquares = 0;
        for (float value : vector) {
            sumOfSquares += value * value;
        }
        if (sumOfSquares == 0) {
            return;
        }
        float scale = (float) (1.0 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
    }
}
