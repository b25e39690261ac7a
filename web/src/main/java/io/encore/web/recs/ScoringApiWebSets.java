package io.encore.web.recs;

import java.util.Optional;

import io.encore.web.apps.StreamApis;

/**
 * The list from scoring-stream's own store ({@code /guests/{id}/recommendations/explain?channel=web}), which
 * resolves aliases itself: the fallback when the web sink has written nothing to Redis (yet), for example
 * while Kafka Connect is not running.
 */
public record ScoringApiWebSets(StreamApis apis) implements WebSets {

    @Override
    public Optional<WebRow> current(String id) {
        return apis.webExplanation(id).flatMap(json -> WebRowJson.parse(json, WebRow.SCORING_API));
    }
}
