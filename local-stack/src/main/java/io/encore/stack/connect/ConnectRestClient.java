package io.encore.stack.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of Kafka Connect's REST API the local stack uses, on any worker of a cluster: create or update a
 * connector ({@code PUT /connectors/{name}/config}) and wait until its tasks run, and the KIP-875 offsets
 * API (stop, delete offsets, resume) that makes a sink read its topics again from the start.
 */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MS = 100;
    /** 409: the worker is rebalancing; 404 right after a change: the status has not reached the status topic yet. */
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRestClient(URI base) {
        this.base = base;
    }

    /** One task of a connector as the worker reports it; {@code trace} is set when it FAILED. */
    public record TaskStatus(int id, String state, String workerId, String trace) {
    }

    /** A connector's state ({@code RUNNING}, {@code PAUSED}, {@code STOPPED}, {@code FAILED}, …) and its tasks. */
    public record ConnectorStatus(String name, String state, List<TaskStatus> tasks) {

        public boolean running() {
            return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
        }

        /** The first failure of the connector or a task, for an error message. */
        Optional<String> failure() {
            if ("FAILED".equals(state)) {
                return Optional.of("connector " + name + " FAILED");
            }
            return tasks.stream().filter(t -> "FAILED".equals(t.state())).findFirst()
                    .map(t -> "task " + name + "-" + t.id() + " FAILED: " + firstLine(t.trace()));
        }
    }

    /** Waits until {@code GET /health} answers 200: the herder has read its internal topics and joined the group. */
    public void awaitHealthy(Duration timeout) {
        awaitCondition("the Connect worker at " + base + " to be ready", timeout, () -> {
            Optional<Response> response = tryGet("/health");
            return response.isPresent() && response.get().status() == 200;
        });
    }

    /** Creates or updates connector {@code name} and waits until it and every task are RUNNING. */
    public ConnectorStatus putConnector(String name, Map<String, String> config) {
        Response response = retryWhileRebalancing(() -> send("PUT", path(name, "config"), json(config)));
        if (response.status() != 200 && response.status() != 201) {
            throw new IllegalStateException("Connect refused the config of " + name + ": " + response);
        }
        return awaitStatus(name, ConnectorStatus::running, "RUNNING with every task", DEFAULT_WAIT);
    }

    public ConnectorStatus status(String name) {
        Response response = send("GET", path(name, "status"), null);
        if (response.status() != 200) {
            throw new IllegalStateException("No status for connector " + name + ": " + response);
        }
        return parseStatus(response.body());
    }

    /** A connector plugin the worker found: its class, {@code sink} or {@code source}, and its version. */
    public record Plugin(String className, String type, String version) {
    }

    /** {@code GET /connector-plugins}: the connectors this worker can run, from its plugin path and classpath. */
    public List<Plugin> connectorPlugins() {
        Response response = send("GET", "/connector-plugins", null);
        expectOk(response, "list connector plugins");
        List<Plugin> plugins = new ArrayList<>();
        read(response.body()).forEach(node -> plugins.add(new Plugin(node.path("class").asText(),
                node.path("type").asText(), node.path("version").asText())));
        return plugins;
    }

    /**
     * {@code PUT /connector-plugins/{class}/config/validate}: the worker checks {@code config} against Connect's
     * own connector settings and the connector's ConfigDef, without creating anything.
     *
     * @return one {@code setting: message} line per error; empty when the config is valid
     */
    public List<String> validate(String connectorClass, Map<String, String> config) {
        Response response = send("PUT", "/connector-plugins/" + encode(connectorClass) + "/config/validate", json(config));
        expectOk(response, "validate a " + connectorClass + " config");
        List<String> errors = new ArrayList<>();
        for (JsonNode setting : read(response.body()).path("configs")) {
            JsonNode value = setting.path("value");
            value.path("errors").forEach(error -> errors.add(value.path("name").asText() + ": " + error.asText()));
        }
        return errors;
    }

    /** Connector names the cluster knows. */
    public List<String> connectors() {
        Response response = send("GET", "/connectors", null);
        List<String> names = new ArrayList<>();
        read(response.body()).forEach(node -> names.add(node.asText()));
        return names;
    }

    /** {@code PUT /connectors/{name}/stop}: tasks shut down, the config stays; waits until it is STOPPED. */
    public void stop(String name) {
        expectOk(retryWhileRebalancing(() -> send("PUT", path(name, "stop"), null)), "stop " + name);
        awaitStatus(name, status -> "STOPPED".equals(status.state()) && status.tasks().isEmpty(), "STOPPED", DEFAULT_WAIT);
    }

    /**
     * {@code DELETE /connectors/{name}/offsets} on a stopped connector: for a sink, its consumer group's offsets
     * go, so on resume it reads every record again. Retried while the worker still tidies up the stopped tasks.
     */
    public void resetOffsets(String name) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (true) {
            Response response = send("DELETE", path(name, "offsets"), null);
            if (response.status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not reset the offsets of " + name + ": " + response);
            }
            pause();
        }
    }

    /** {@code PUT /connectors/{name}/resume} and waits until every task is RUNNING again. */
    public ConnectorStatus resume(String name) {
        expectOk(retryWhileRebalancing(() -> send("PUT", path(name, "resume"), null)), "resume " + name);
        return awaitStatus(name, ConnectorStatus::running, "RUNNING with every task", DEFAULT_WAIT);
    }

    /** {@code DELETE /connectors/{name}}: stops it and forgets its config. */
    public void delete(String name) {
        Response response = retryWhileRebalancing(() -> send("DELETE", "/connectors/" + encode(name), null));
        if (response.status() != 204 && response.status() != NOT_FOUND) {
            throw new IllegalStateException("Could not delete " + name + ": " + response);
        }
    }

    private ConnectorStatus awaitStatus(String name, Predicate<ConnectorStatus> done, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus last = null;
        while (System.nanoTime() < deadline) {
            Response response = send("GET", path(name, "status"), null);
            if (response.status() == 200) {
                last = parseStatus(response.body());
                if (done.test(last)) {
                    return last;
                }
                Optional<String> failure = last.failure();
                if (failure.isPresent()) {
                    throw new IllegalStateException(failure.get());
                }
            } else if (response.status() != NOT_FOUND) {
                throw new IllegalStateException("No status for connector " + name + ": " + response);
            }
            pause();
        }
        throw new IllegalStateException("Connector " + name + " not " + what + " within " + timeout + "; last status: " + last);
    }

    private Response retryWhileRebalancing(Supplier<Response> request) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        Response response = request.get();
        while (response.status() == CONFLICT && System.nanoTime() < deadline) {
            pause();
            response = request.get();
        }
        return response;
    }

    private static void expectOk(Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("Connect refused to " + what + ": " + response);
        }
    }

    private static ConnectorStatus parseStatus(String body) {
        JsonNode root = read(body);
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : root.path("tasks")) {
            tasks.add(new TaskStatus(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), task.path("trace").asText(null)));
        }
        return new ConnectorStatus(root.path("name").asText(), root.path("connector").path("state").asText(), tasks);
    }

    private Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Connect REST call " + method + " " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    private Optional<Response> tryGet(String path) {
        try {
            return Optional.of(send("GET", path, null));
        } catch (UncheckedIOException e) {
            return Optional.empty(); // not listening yet
        }
    }

    private static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
            }
            pause();
        }
    }

    private static String path(String connector, String action) {
        return "/connectors/" + encode(connector) + "/" + action;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Connect answered with something that is not JSON: " + body, e);
        }
    }

    private static String firstLine(String trace) {
        return trace == null ? "(no trace)" : trace.lines().findFirst().orElse(trace);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Connect", e);
        }
    }

    /** One answer of the REST API, printable in error messages. */
    private record Response(String request, int status, String body) {

        @Override
        public String toString() {
            return request + " → " + status + " " + body;
        }
    }
}
