package io.encore.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Turns one exchange into a {@link Request}, runs the routed handler and writes its {@link Response}. Every
 * failure ends as a JSON error: the client never sees a stack trace, the log sees each unexpected one once.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String INTERNAL_ERROR = "Internal server error";
    /** Longer than any Encore request (an id is at most 300 characters, 900 percent-encoded). */
    static final int MAX_URI_LENGTH = 2_048;

    private final Router router;
    private final ObjectMapper mapper;
    private final InFlight inFlight;
    private final BearerAuth auth;

    Dispatcher(Router router, ObjectMapper mapper, InFlight inFlight, BearerAuth auth) {
        this.router = router;
        this.mapper = mapper;
        this.inFlight = inFlight;
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.enter();
        try (exchange) {
            discardBody(exchange.getRequestBody());
            write(exchange, render(respond(exchange)));
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}: the client went away", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
        } finally {
            inFlight.exit();
        }
    }

    private Response respond(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (path.length() + (query == null ? 0 : query.length() + 1) > MAX_URI_LENGTH) {
            return Response.error(414, "The path and query may be at most " + MAX_URI_LENGTH + " characters long");
        }
        try {
            return route(exchange, router.resolve(method, path));
        } catch (ApiException e) {
            LOG.debug("{} {} answered {}: {}", method, path, e.status(), e.getMessage());
            return e.toResponse();
        } catch (InvalidStateStoreException e) {
            // A rebalance or restoration is moving the store: a moment's wait, not a server error.
            LOG.debug("{} {} answered 503 while stores move: {}", method, path, e.getMessage());
            return new ApiException(503, "State is being rebalanced or restored; retry shortly", 1).toResponse();
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            return Response.error(500, INTERNAL_ERROR);
        }
    }

    private Response route(HttpExchange exchange, Router.Resolution resolution) throws Exception {
        if (resolution instanceof Router.Resolution.Found found) {
            // Before the handler, so no parameter is even validated for a caller without the right token.
            Optional<Response> denied = auth.deny(found.access(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            if (denied.isPresent()) {
                LOG.debug("{} {} answered {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        denied.get().status());
                return denied.get();
            }
            return found.handler().handle(request(exchange, found.pathParams()));
        }
        if (resolution instanceof Router.Resolution.MethodNotAllowed notAllowed) {
            return Response.error(405, "Method " + exchange.getRequestMethod() + " is not allowed here; use "
                    + notAllowed.allow()).withHeader("Allow", notAllowed.allow());
        }
        return Response.error(404, "No resource at this path");
    }

    private static Request request(HttpExchange exchange, Map<String, String> pathParams) {
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), pathParams, exchange.getRequestHeaders());
    }

    private Rendered render(Response response) {
        try {
            if (response.body() instanceof Response.Body.Text text) {
                return new Rendered(response, text.contentType(), text.text().getBytes(StandardCharsets.UTF_8));
            }
            Object value = ((Response.Body.Json) response.body()).value();
            return new Rendered(response, Response.JSON_CONTENT_TYPE, mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            LOG.error("Cannot serialise the {} response body as JSON", response.status(), e);
            return render(Response.error(500, INTERNAL_ERROR));
        }
    }

    private static void write(HttpExchange exchange, Rendered rendered) throws IOException {
        rendered.response().headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", rendered.contentType());
        int status = rendered.response().status();
        boolean bodiless = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, bodiless ? -1 : rendered.bytes().length);
        if (!bodiless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rendered.bytes());
            }
        }
    }

    // Only bodiless methods are routed today; a body left unread would stall the next request on the connection.
    private static void discardBody(InputStream body) throws IOException {
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private record Rendered(Response response, String contentType, byte[] bytes) {
    }
}
