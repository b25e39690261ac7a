package io.encore.web.recs;

import java.util.List;
import java.util.Objects;

/**
 * A guest's current WEB list as the page shows it, whichever source answered: the web sink's Redis JSON or
 * scoring-stream's explain answer. {@code recommendationId} travels on every concert link as {@code rec}, so
 * the page view, favourite or purchase it leads to credits the list (docs/connectors.md, the feedback link
 * format).
 *
 * @param source where it was read: {@link #REDIS} or {@link #SCORING_API}
 */
public record WebRow(String recommendationId, String guestId, String arm, boolean holdout, String language,
                     String generatedAt, String source, List<Item> items) {

    public static final String REDIS = "redis";
    public static final String SCORING_API = "scoring-api";

    public WebRow {
        Objects.requireNonNull(recommendationId, "recommendationId");
        items = List.copyOf(items);
    }

    /** One recommended concert, in rank order. */
    public record Item(String concertId, int rank, double score, String model, List<Reason> reasons) {

        public Item {
            Objects.requireNonNull(concertId, "concertId");
            reasons = List.copyOf(reasons);
        }
    }

    /** Why it is recommended: a code for templates, the text ready to show, the concept it is about (or null). */
    public record Reason(String code, String text, String concept) {
    }
}
