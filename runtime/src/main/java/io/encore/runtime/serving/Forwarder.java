package io.encore.runtime.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;

/**
 * Asks another instance the same question over HTTP, one hop, and hands its answer back unchanged: status,
 * body bytes as text, and the headers a client acts on. A peer that cannot be reached in time is a 503 with
 * {@code Retry-After}, never a hang.
 *
 * <p>The caller's {@code Authorization} header travels with the request, so the other instance checks the same
 * credential (instances of an app share their tokens) and a query token cannot reach an admin route through a
 * hop. It is sent as received and never logged.
 */
public final class Forwarder {

    /** Marks a request one instance sent to another, so the receiver never forwards it again. */
    public static final String FORWARDED_HEADER = "X-Encore-Forwarded";
    public static final String STALENESS_HEADER = "X-Encore-Staleness-Ms";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final String AUTHORIZATION_HEADER = "Authorization";

    private static final List<String> PASSED_HEADERS = List.of(Response.RETRY_AFTER, STALENESS_HEADER, "WWW-Authenticate");
    private static final String DEFAULT_CONTENT_TYPE = Response.JSON_CONTENT_TYPE;

    private final HttpClient client;
    private final Duration timeout;

    public Forwarder() {
        this(DEFAULT_TIMEOUT);
    }

    /** {@code timeout} bounds both connecting and the whole exchange. */
    public Forwarder(Duration timeout) {
        this.timeout = timeout;
        // HTTP/1.1: the JDK server speaks nothing else, and this skips the h2c upgrade attempt.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** GETs {@code request}'s path and query, exactly as received, from {@code target}, with its credential. */
    public Response forward(HostAndPort target, Request request) {
        return get(target, request.pathWithQuery(), request);
    }

    /**
     * GETs {@code pathWithQuery} (raw, already encoded) from {@code target}, marked as forwarded and carrying
     * the credential of {@code origin}, the request being answered.
     */
    public Response get(HostAndPort target, String pathWithQuery, Request origin) {
        try {
            return getAsync(target, pathWithQuery, origin).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ApiException api ? api : e;
        }
    }

    /** As {@link #get}, without blocking, so a fan-out asks every instance at once. */
    public CompletableFuture<Response> getAsync(HostAndPort target, String pathWithQuery, Request origin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(target, pathWithQuery))
                .timeout(timeout)
                .header(FORWARDED_HEADER, "1")
                .header("Accept", "application/json")
                .GET();
        origin.header(AUTHORIZATION_HEADER).ifPresent(credential -> builder.header(AUTHORIZATION_HEADER, credential));
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unreachable(target, failure);
                    }
                    return toResponse(response);
                });
    }

    private static URI uri(HostAndPort target, String pathWithQuery) {
        if (!pathWithQuery.startsWith("/")) {
            throw new IllegalArgumentException("A forwarded path starts with '/': " + pathWithQuery);
        }
        return URI.create("http://" + target + pathWithQuery);
    }

    private static Response toResponse(HttpResponse<String> remote) {
        String contentType = remote.headers().firstValue("Content-Type").orElse(DEFAULT_CONTENT_TYPE);
        Response response = Response.text(remote.statusCode(), contentType, remote.body());
        for (String name : PASSED_HEADERS) {
            Optional<String> value = remote.headers().firstValue(name);
            if (value.isPresent()) {
                response = response.withHeader(name, value.get());
            }
        }
        return response;
    }

    private static ApiException unreachable(HostAndPort target, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        String why = cause instanceof IOException ? cause.getClass().getSimpleName() : "request failed";
        return new ApiException(503, "Instance " + target + " did not answer (" + why + "); retry shortly", 1);
    }
}
