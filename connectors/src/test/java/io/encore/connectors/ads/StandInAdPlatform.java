package io.encore.connectors.ads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process stand-in for an ad platform's audience API. It enforces the contract the sink relies on
 * and records every request it accepted or refused:
 * <ul>
 *   <li>{@code POST /audiences/{audienceId}/members}, {@code Content-Type: application/json}, body
 *       {@code {"add": ["<sha256 hex>", ...], "remove": [...]}};</li>
 *   <li>{@code DELETE /audiences/{audienceId}}: 204;</li>
 *   <li>{@code Authorization: Bearer <token>} else 401;</li>
 *   <li>every hash exactly 64 lower-case hex characters, at most 10,000 hashes per request, else 400 with a
 *       JSON {@code error};</li>
 *   <li>200 {@code {"added": n, "removed": m}} on success, unless a reply was scripted.</li>
 * </ul>
 */
final class StandInAdPlatform implements AutoCloseable {

    static final int MAX_HASHES = 10_000;
    private static final Pattern MEMBERS_PATH = Pattern.compile("/audiences/([^/]+)/members");
    private static final Pattern AUDIENCE_PATH = Pattern.compile("/audiences/([^/]+)");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private Reply fallback;

    StandInAdPlatform(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replies to the next requests in order, before the usual contract checks. */
    synchronized void script(Reply... replies) {
        scripted.addAll(List.of(replies));
    }

    /** Replies to every request not scripted with {@code reply}. */
    synchronized void alwaysReply(Reply reply) {
        fallback = reply;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            Request request = parse(exchange, raw);
            Reply reply;
            synchronized (this) {
                requests.add(request);
                reply = !scripted.isEmpty() ? scripted.poll() : fallback != null ? fallback : check(exchange, request);
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Request parse(HttpExchange exchange, byte[] raw) {
        String rawPath = exchange.getRequestURI().getRawPath();
        Matcher path = MEMBERS_PATH.matcher(rawPath);
        Matcher audience = AUDIENCE_PATH.matcher(rawPath);
        Map<String, List<String>> body;
        try {
            body = JSON.readValue(raw, new TypeReference<Map<String, List<String>>>() { });
        } catch (IOException e) {
            body = null;
        }
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                path.matches() ? path.group(1) : audience.matches() ? audience.group(1) : null,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body == null ? null : body.getOrDefault("add", List.of()),
                body == null ? null : body.getOrDefault("remove", List.of()));
    }

    private Reply check(HttpExchange exchange, Request request) {
        if (!("Bearer " + token).equals(request.authorization())) {
            return Reply.of(401, "{\"error\":\"invalid token\"}");
        }
        if ("DELETE".equals(request.method()) && AUDIENCE_PATH.matcher(request.path()).matches()) {
            return Reply.of(204, "");
        }
        if (!"POST".equals(request.method()) || request.audienceId() == null) {
            return Reply.of(404, "{\"error\":\"no such endpoint: " + request.method() + " " + request.path() + "\"}");
        }
        if (request.add() == null || !"application/json".equals(request.contentType())) {
            return Reply.of(400, "{\"error\":\"body must be JSON {add, remove}\"}");
        }
        if (request.size() > MAX_HASHES) {
            return Reply.of(400, "{\"error\":\"at most " + MAX_HASHES + " identifiers per request\"}");
        }
        boolean hashed = request.add().stream().allMatch(hash -> SHA256_HEX.matcher(hash).matches())
                && request.remove().stream().allMatch(hash -> SHA256_HEX.matcher(hash).matches());
        if (!hashed) {
            return Reply.of(400, "{\"error\":\"identifiers must be SHA-256 hex\"}");
        }
        return Reply.of(200, "{\"added\":" + request.add().size() + ",\"removed\":" + request.remove().size() + "}");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Request(String method, String path, String audienceId, String authorization, String contentType,
                   List<String> add, List<String> remove) {

        int size() {
            return add.size() + remove.size();
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {

        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }
}
