package io.encore.web.apps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of a stream app's HTTP API: the JSON body, or why there is none (app not reachable, an error
 * status). The operator view shows the reason instead of a chart, never a 500 of its own.
 */
public record ApiAnswer(JsonNode body, String error) {

    public static ApiAnswer of(JsonNode body) {
        return new ApiAnswer(body, null);
    }

    public static ApiAnswer failed(String error) {
        return new ApiAnswer(null, error);
    }

    public boolean ok() {
        return body != null;
    }
}
