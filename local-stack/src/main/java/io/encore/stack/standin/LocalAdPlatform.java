package io.encore.stack.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.encore.stack.Ports;

/**
 * A local stand-in for an ad platform's custom-audience API, the contract the ad audience sink speaks
 * (docs/connectors.md, "Ad audience sink"), so the sink runs for real and nothing leaves the machine:
 * <ul>
 *   <li>{@code POST /audiences/{audienceId}/members} with {@code Authorization: Bearer <token>} and a JSON body
 *       {@code {"add": [hash, …], "remove": [hash, …]}}; every hash 64 lower-case hex characters (SHA-256), at
 *       most 10,000 per request. 200 {@code {"added": n, "removed": m}}; 401 on a wrong token; 400 otherwise.</li>
 *   <li>{@code DELETE /audiences/{audienceId}}: 204, or 404 when there is no such audience.</li>
 *   <li>{@code GET /audiences} with the same token: {@code {"<audienceId>": size, …}}.</li>
 * </ul>
 * It keeps each audience's members, so a page can show audience sizes, and the last
 * {@value #REQUESTS_KEPT} accepted requests, so a test can see how the sink batched them.
 */
public final class LocalAdPlatform implements AutoCloseable {

    /** The most identifiers one request may carry, as at the real platforms. */
    public static final int MAX_HASHES = 10_000;
    static final int REQUESTS_KEPT = 1_000;

    private static final Pattern MEMBERS_PATH = Pattern.compile("/audiences/([^/]+)/members");
    private static final Pattern AUDIENCE_PATH = Pattern.compile("/audiences/([^/]+)");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted request: what the sink sent to which audience. */
    public record MembersRequest(String audienceId, List<String> add, List<String> remove) {

        public MembersRequest {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }

        public int size() {
            return add.size() + remove.size();
        }
    }

    private final HttpServer server;
    private final String token;
    private final URI baseUrl;
    private final Map<String, Set<String>> audiences = new TreeMap<>();
    private final Deque<MembersRequest> requests = new ArrayDeque<>();

    private LocalAdPlatform(HttpServer server, String token, URI baseUrl) {
        this.server = server;
        this.token = token;
        this.baseUrl = baseUrl;
    }

    /** Listens on {@code host:port} (0 picks a free port) and accepts requests bearing {@code token}. */
    public static LocalAdPlatform start(String host, int port, String token) {
        int chosen = Ports.require(host, port, "--ads-port");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, chosen), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the ad platform stand-in on " + host + ":" + chosen, e);
        }
        LocalAdPlatform platform = new LocalAdPlatform(server, token, URI.create("http://" + host + ":" + chosen));
        server.createContext("/audiences", platform::handle);
        server.start();
        return platform;
    }

    /** The value for the sink's {@code ads.endpoint}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    /** Members per audience (concert id, or {@code <concertId>-lookalike}), by audience id. */
    public synchronized Map<String, Integer> audienceSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        audiences.forEach((id, members) -> sizes.put(id, members.size()));
        return sizes;
    }

    /** The hashed identifiers in one audience; empty when the platform never heard of it. */
    public synchronized Set<String> members(String audienceId) {
        return Set.copyOf(audiences.getOrDefault(audienceId, Set.of()));
    }

    /** The last accepted requests, oldest first. */
    public synchronized List<MembersRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"error\":\"invalid token\"}");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Matcher members = MEMBERS_PATH.matcher(path);
            Matcher audience = AUDIENCE_PATH.matcher(path);
            if ("POST".equals(exchange.getRequestMethod()) && members.matches()) {
                Reply reply = update(audienceId(members), body);
                reply(exchange, reply.status(), reply.body());
            } else if ("DELETE".equals(exchange.getRequestMethod()) && audience.matches()) {
                boolean existed;
                synchronized (this) {
                    existed = audiences.remove(audienceId(audience)) != null;
                }
                if (existed) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    reply(exchange, 404, "{\"error\":\"no such audience\"}");
                }
            } else if ("GET".equals(exchange.getRequestMethod()) && "/audiences".equals(path)) {
                reply(exchange, 200, JSON.writeValueAsString(audienceSizes()));
            } else {
                reply(exchange, 404, "{\"error\":\"no such endpoint\"}");
            }
        }
    }

    /** The sink percent-encodes the audience id as one path segment. */
    private static String audienceId(Matcher path) {
        return URLDecoder.decode(path.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private Reply update(String audienceId, byte[] body) {
        MembersRequest request;
        try {
            JsonNode json = JSON.readTree(body);
            request = new MembersRequest(audienceId, hashes(json.path("add")), hashes(json.path("remove")));
        } catch (IOException | IllegalArgumentException e) {
            return new Reply(400, "{\"error\":\"body must be JSON {add, remove} of SHA-256 hex strings\"}");
        }
        if (request.size() > MAX_HASHES) {
            return new Reply(400, "{\"error\":\"at most " + MAX_HASHES + " identifiers per request\"}");
        }
        synchronized (this) {
            Set<String> audience = audiences.computeIfAbsent(audienceId, id -> new HashSet<>());
            audience.addAll(request.add());
            request.remove().forEach(audience::remove);
            requests.addLast(request);
            if (requests.size() > REQUESTS_KEPT) {
                requests.removeFirst();
            }
        }
        return new Reply(200, "{\"added\":" + request.add().size() + ",\"removed\":" + request.remove().size() + "}");
    }

    /** The array's strings; anything that is not a SHA-256 hex string makes the request a 400. */
    private static List<String> hashes(JsonNode array) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isTextual() || !SHA256_HEX.matcher(node.asText()).matches()) {
                throw new IllegalArgumentException("not a SHA-256 hex string");
            }
            hashes.add(node.asText());
        }
        return hashes;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Reply(int status, String body) {
    }
}
