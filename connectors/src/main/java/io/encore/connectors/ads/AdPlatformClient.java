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
 * One HTTP exchange with the ad platform's audience API, without retries (see {@link BatchDelivery}):
 * {@code POST {endpoint}/audiences/{audienceId}/members} with {@code {"add": [...], "remove": [...]}}
 * and a bearer token.
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
        HttpRequest request = HttpRequest.newBuilder(membersUri(batch.audienceId()))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token.value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").flatMap(AdPlatformClient::retryAfter));
    }

    URI membersUri(String audienceId) {
        // The audience id is one path segment: encode it, and spaces as %20 rather than the form-style '+'.
        String segment = URLEncoder.encode(audienceId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(endpoint + "/audiences/" + segment + "/members");
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
