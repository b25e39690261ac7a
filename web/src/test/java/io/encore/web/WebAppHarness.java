package io.encore.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.web.config.WebConfig;

/** A started web app over {@link FakeSources} on a free port, and a client for it. */
public final class WebAppHarness implements AutoCloseable {

    public final FakeSources fakes = new FakeSources();
    private final WebApp app;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public WebAppHarness() {
        this(Map.of());
    }

    public WebAppHarness(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "mock://web-tests");
        config.put(WebConfig.HTTP_HOST_CONFIG, "127.0.0.1");
        config.put(WebConfig.HTTP_PORT_CONFIG, 0);
        // The tests take samples themselves; the scheduler's own ticks come rarely.
        config.put(WebConfig.SAMPLE_INTERVAL_MS_CONFIG, 60_000);
        config.putAll(settings);
        app = WebApp.create(new WebConfig(config), fakes.sources()).start();
    }

    public void sample() {
        app.sampleNow();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return FakeSources.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
