package io.encore.connectors.ads;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.common.config.types.Password;

/**
 * One HTTP exchange with the ad platform's audience API, without retries (see {@link BatchDelivery}), with a
 * bearer token: {@code POST {endpoint}/audiences/{audienceId}/members} with
 * {@code {"add": [...], "remove": [...]}}, or {@code DELETE {endpoint}/audiences/{audienceId}}.
 */
final class AdPlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Password token;
    private final Duration requestTimeout;
    private final HttpClient http;

    AdPlatformClient(URI endpoint, Password token, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .build();
    }

    Response post(AudienceUpdate batch) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(audienceUri(batch.audienceId()) + "/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch))));
    }

    /** Deletes the audience; the platform answers 404 when it has none by that id. */
    Response delete(String audienceId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(audienceUri(audienceId)).DELETE());
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.timeout(requestTimeout).header("Authorization", "Bearer " + token.value()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").flatMap(AdPlatformClient::retryAfter));
    }

    URI audienceUri(String audienceId) {
        // The audience id is one path segment: encode it, and spaces as %20 rather than the form-style '+'.
        String segment = URLEncoder.encode(audienceId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(endpoint + "/audiences/" + segment);
    }

    private static byte[] body(AudienceUpdate batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("add", batch.add());
        body.put("remove", batch.remove());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
    }

    /** Retry-After in delta-seconds; the HTTP-date form is not used by ad platforms and falls back to backoff. */
    static Optional<Duration> retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param status     HTTP status code
     * @param body       response body, for the reason of a rejected batch
     * @param retryAfter the wait a 429 or 503 asked for
     */
    record Response(int status, String body, Optional<Duration> retryAfter) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
