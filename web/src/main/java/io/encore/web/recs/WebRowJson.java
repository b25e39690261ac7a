package io.encore.web.recs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the two JSON shapes of a WEB list: the web sink's Redis value and scoring-stream's
 * {@code /recommendations/explain} answer. Both carry the id, the arm, the holdout flag and items with
 * concert id, rank, score, model and reasons; only the sink's carries the reasons' language.
 */
public final class WebRowJson {

    private WebRowJson() {
    }

    /** The row in {@code json}; empty when it has no recommendation id (not a list). */
    public static Optional<WebRow> parse(JsonNode json, String source) {
        String id = text(json, "recommendationId");
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        List<WebRow.Item> items = new ArrayList<>();
        for (JsonNode item : json.path("items")) {
            String concertId = text(item, "concertId");
            if (concertId != null) {
                items.add(new WebRow.Item(concertId, item.path("rank").asInt(items.size() + 1),
                        item.path("score").asDouble(), text(item, "model"), reasons(item.path("reasons"))));
            }
        }
        items.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return Optional.of(new WebRow(id, text(json, "guestId"), text(json, "arm"), json.path("holdout").asBoolean(),
                text(json, "language"), text(json, "generatedAt"), source, items));
    }

    private static List<WebRow.Reason> reasons(JsonNode reasons) {
        List<WebRow.Reason> parsed = new ArrayList<>();
        for (JsonNode reason : reasons) {
            parsed.add(new WebRow.Reason(text(reason, "code"), text(reason, "text"), text(reason, "concept")));
        }
        return parsed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
