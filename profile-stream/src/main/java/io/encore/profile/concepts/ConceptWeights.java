package io.encore.profile.concepts;

/**
 * How much one mention counts, by where it appears, before TF-IDF. Whole-name concepts outweigh words:
 * the performer says more about a concert than any word of its blurb.
 *
 * @param translationFactor multiplies the weights of terms from a translated title or description, so a
 *                          bilingual concert is not counted twice
 */
public record ConceptWeights(double performer, double composer, double work, double tag, double hall,
                             double titleTerm, double descriptionTerm, double translationFactor) {

    public static final ConceptWeights DEFAULT = new ConceptWeights(3.0, 3.0, 2.0, 2.0, 1.0, 1.5, 1.0, 0.5);

    public ConceptWeights {
        for (double weight : new double[] {performer, composer, work, tag, hall, titleTerm, descriptionTerm, translationFactor}) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("concept weights must be finite and non-negative, got " + weight);
            }
        }
    }
}
