package io.encore.runtime.serving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.Handler;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;

/**
 * Answers a keyed request wherever the key lives: here from the local store, or one hop away on the
 * instance that holds it. A request that was already forwarded is never forwarded again — if the metadata
 * moved in between, the client gets a 503 and retries, so two instances with different views cannot
 * bounce a request between them.
 */
public final class KeyRouter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeyLocator locator;
    private final Forwarder forwarder;

    public KeyRouter(KeyLocator locator, Forwarder forwarder) {
        this.locator = Objects.requireNonNull(locator, "locator");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
    }

    /** True when another instance sent this request; such a request is answered locally or not at all. */
    public static boolean isForwarded(Request request) {
        return request.header(Forwarder.FORWARDED_HEADER).isPresent();
    }

    /**
     * Serves {@code request} for {@code key} of {@code store} with {@code local} when this instance holds it,
     * else forwards it to the instance that does.
     *
     * @throws ApiException 503 with {@code Retry-After} when no instance can answer now
     */
    public Response route(Request request, String store, String key, Handler local) throws Exception {
        Location location = locator.locate(store, key);
        if (location instanceof Location.Local) {
            return local.handle(request);
        }
        if (location instanceof Location.Remote remote) {
            if (isForwarded(request)) {
                throw new ApiException(503, "Store '" + store + "' for this key moved to " + remote.instance()
                        + " while the request was forwarded; retry", 1);
            }
            return forwarder.forward(remote.instance(), request);
        }
        throw new ApiException(503, ((Location.Unavailable) location).reason(), 1);
    }

    /**
     * GETs {@code pathWithQuery} from every other instance at once and returns their JSON bodies, for answers
     * that add up per-instance parts, with the caller's credential; the caller adds its own part. A forwarded
     * request fans out to nobody.
     *
     * @throws ApiException 503 naming the instance when one cannot be reached or does not answer 2xx
     */
    public List<JsonNode> fanOut(Request request, String pathWithQuery) {
        if (isForwarded(request)) {
            return List.of();
        }
        List<HostAndPort> others = new ArrayList<>(locator.allInstances());
        others.remove(locator.self());
        List<CompletableFuture<JsonNode>> answers = others.stream()
                .map(instance -> forwarder.getAsync(instance, pathWithQuery, request).thenApply(answer -> parse(instance, answer)))
                .toList();
        try {
            return answers.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ApiException api ? api : e;
        }
    }

    private static JsonNode parse(HostAndPort instance, Response answer) {
        if (answer.status() / 100 != 2) {
            throw new ApiException(503, "Instance " + instance + " answered " + answer.status() + "; retry shortly", 1);
        }
        try {
            return MAPPER.readTree(((Response.Body.Text) answer.body()).text());
        } catch (IOException e) {
            throw new ApiException(502, "Instance " + instance + " answered with a body that is not JSON");
        }
    }
}
