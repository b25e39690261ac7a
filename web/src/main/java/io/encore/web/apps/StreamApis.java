package io.encore.web.apps;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** What the web app asks the two stream apps over HTTP (docs/scoring-stream.md and docs/profile-stream.md, HTTP API). */
public interface StreamApis {

    /** scoring-stream {@code GET /guests/{id}/recommendations/explain?channel=web}; empty on 404 or when unreachable. */
    Optional<JsonNode> webExplanation(String id);

    /** scoring-stream {@code GET /models}: bandit posteriors per channel and group, holdout uplift. */
    ApiAnswer models();

    /** profile-stream {@code GET /segments}: guests per value group, segment and cell. */
    ApiAnswer segments();
}
