package io.encore.profile.concepts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.Work;

/**
 * The weighted concept counts (term frequencies) of one concert: named concepts from its structured fields
 * and stemmed terms from its title and description in their own language, translations included.
 */
public final class ConceptExtractor {

    private final TextAnalysis analysis;
    private final ConceptWeights weights;

    public ConceptExtractor(TextAnalysis analysis, ConceptWeights weights) {
        this.analysis = analysis;
        this.weights = weights;
    }

    public Map<Concept, Double> termFrequencies(Concert concert) {
        Map<Concept, Double> counts = new HashMap<>();
        for (Performer performer : concert.getPerformers()) {
            add(counts, ConceptKind.PERFORMER, performer.getName(), weights.performer());
        }
        for (String composer : concert.getComposers()) {
            add(counts, ConceptKind.COMPOSER, composer, weights.composer());
        }
        for (Work work : concert.getWorks()) {
            add(counts, ConceptKind.WORK, work.getTitle(), weights.work());
            if (work.getComposer() != null && !concert.getComposers().contains(work.getComposer())) {
                add(counts, ConceptKind.COMPOSER, work.getComposer(), weights.composer());
            }
        }
        for (String tag : concert.getTags()) {
            add(counts, ConceptKind.TAG, tag, weights.tag());
        }
        if (concert.getHall() != null) {
            add(counts, ConceptKind.HALL, concert.getHall(), weights.hall());
        }
        addTerms(counts, concert.getTitle(), concert.getLanguage(), weights.titleTerm());
        addTerms(counts, concert.getDescription(), concert.getLanguage(), weights.descriptionTerm());
        for (LocalizedText translation : concert.getTranslations()) {
            double factor = weights.translationFactor();
            addTerms(counts, translation.getTitle(), translation.getLanguage(), weights.titleTerm() * factor);
            addTerms(counts, translation.getDescription(), translation.getLanguage(), weights.descriptionTerm() * factor);
        }
        return counts;
    }

    private void addTerms(Map<Concept, Double> counts, String text, String language, double weight) {
        List<String> terms = analysis.terms(text, language);
        for (String term : terms) {
            add(counts, ConceptKind.TERM, term, weight);
        }
    }

    private static void add(Map<Concept, Double> counts, ConceptKind kind, String name, double weight) {
        if (name == null || name.isBlank() || weight == 0) {
            return;
        }
        counts.merge(new Concept(kind, name), weight, Double::sum);
    }
}
