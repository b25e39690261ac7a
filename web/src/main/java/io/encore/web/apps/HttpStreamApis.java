package io.encore.web.apps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link StreamApis} over the JDK's HTTP client, each call bounded by a timeout and, when the stream apps run
 * with tokens, carrying their admin token (the calls are {@code /models}, {@code /segments} and the explained
 * list, all admin endpoints). The token stays on the server: no page or JSON of the web app contains it.
 */
public final class HttpStreamApis implements StreamApis {

    private static final Logger LOG = LoggerFactory.getLogger(HttpStreamApis.class);

    private final HttpClient client;
    private final URI scoring;
    private final URI profile;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Optional<String> token;

    public HttpStreamApis(URI scoring, URI profile, Duration timeout, ObjectMapper mapper, Optional<String> token) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.scoring = scoring;
        this.profile = profile;
        this.timeout = timeout;
        this.mapper = mapper;
        this.token = token;
    }

    @Override
    public Optional<JsonNode> webExplanation(String id) {
        String path = "/guests/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                + "/recommendations/explain?channel=web";
        ApiAnswer answer = get(scoring, path);
        if (!answer.ok()) {
            LOG.debug("No WEB list for {} from scoring-stream: {}", id, answer.error());
        }
        return Optional.ofNullable(answer.body());
    }

    @Override
    public ApiAnswer models() {
        return get(scoring, "/models");
    }

    @Override
    public ApiAnswer segments() {
        return get(profile, "/segments");
    }

    private ApiAnswer get(URI base, String path) {
        URI uri = URI.create(strip(base.toString()) + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        token.ifPresent(admin -> builder.header("Authorization", "Bearer " + admin));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return ApiAnswer.failed(uri.getPath() + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return ApiAnswer.of(mapper.readTree(response.body()));
        } catch (JsonProcessingException e) {
            return ApiAnswer.failed(uri.getPath() + " did not answer JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return ApiAnswer.failed(base + " is not reachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiAnswer.failed("interrupted");
        }
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
