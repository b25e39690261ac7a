package io.encore.scoring.model;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;

/**
 * Builds reason records. Texts are English; channels that show another language can template on
 * {@code code} and {@code concept}, which carry the same meaning. The concept is the bare name
 * ({@code carl nielsen}), as {@code RecommendationReason.concept} documents.
 */
final class Reasons {

    /** Most explanations the interface allows per concert. */
    static final int MAX = 3;

    private Reasons() {
    }

    static RecommendationReason of(ReasonCode code, String text, String concept) {
        return new RecommendationReason(code, text, concept);
    }

    /** "Because you like …", worded by the concept's kind, with the code the caller chose. */
    static RecommendationReason becauseYouLike(ReasonCode code, String key) {
        String shown = ConceptKeys.display(key);
        String text;
        if (key.startsWith(ConceptKeys.COMPOSER)) {
            text = "Because you like music by " + shown;
        } else if (key.startsWith(ConceptKeys.HALL)) {
            text = "Because you like concerts in " + shown;
        } else {
            text = "Because you like " + shown;
        }
        return of(code, text, ConceptKeys.name(key));
    }

    /** The code for a shared performer, composer or work concept; {@code SIMILAR_CONTENT} for any other kind. */
    static ReasonCode codeOf(String key) {
        if (key.startsWith(ConceptKeys.PERFORMER)) {
            return ReasonCode.SAME_PERFORMER;
        }
        if (key.startsWith(ConceptKeys.COMPOSER)) {
            return ReasonCode.SAME_COMPOSER;
        }
        if (key.startsWith(ConceptKeys.WORK)) {
            return ReasonCode.SAME_WORK;
        }
        return ReasonCode.SIMILAR_CONTENT;
    }
}
