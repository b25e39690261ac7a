package io.encore.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The small JSON HTTP server both stream apps serve their state stores, health and metrics from. It sits on
 * the JDK's own server so the apps carry no web framework; routing is by method and path template, every
 * answer, errors included, is JSON unless a handler asks for text, and each route says which bearer token it
 * takes ({@link Access}; checked only when {@link Builder#auth tokens} are set).
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder("0.0.0.0", 8080)
 *         .auth(BearerAuth.of(queryToken, adminToken))
 *         .get(Access.QUERY, "/guests/{id}/profile", request -> Response.ok(profiles.find(request.pathParam("id"))))
 *         .build();
 * api.start();
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final long DRAIN_MILLIS = 1_000;

    private final InetSocketAddress address;
    private final Dispatcher dispatcher;
    private final int threads;
    private final InFlight inFlight;
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    private HttpApi(InetSocketAddress address, Dispatcher dispatcher, int threads, InFlight inFlight) {
        this.address = address;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.inFlight = inFlight;
    }

    /** Starts building a server that will listen on {@code host:port}; port 0 takes a free one. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Binds the port and starts accepting requests. Binding waits until here because the JDK server only
     * releases a port it has started.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized HttpApi start() {
        if (closed || server != null) {
            throw new IllegalStateException(closed ? "The HTTP server is closed" : "The HTTP server already started");
        }
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", dispatcher);
        server.start();
        LOG.info("HTTP server listening on {}", server.getAddress());
        return this;
    }

    /** The port actually bound, which is a free one when the builder was given 0; known once started. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The HTTP server has not started");
        }
        return server.getAddress().getPort();
    }

    /** Lets requests in flight finish for up to a second, then stops listening and drops connections. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        try {
            if (!inFlight.awaitIdle(DRAIN_MILLIS)) {
                LOG.warn("Stopping the HTTP server with requests still in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // Daemon threads: a server left open must not keep a stopping JVM alive.
    private static ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "encore-http-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Collects routes and settings; {@link #build()} binds the port. */
    public static final class Builder {

        private final String host;
        private final int port;
        private final List<Router.Route> routes = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private int threads = 8;
        private ObjectMapper mapper = new ObjectMapper();
        private BearerAuth auth = BearerAuth.disabled();

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
        }

        /** A GET route for the admin token only (when tokens are on): the safe default for a route. */
        public Builder get(String template, Handler handler) {
            return route("GET", Access.ADMIN, template, handler);
        }

        /** A GET route open to {@code access}. */
        public Builder get(Access access, String template, Handler handler) {
            return route("GET", access, template, handler);
        }

        public Builder post(String template, Handler handler) {
            return route("POST", Access.ADMIN, template, handler);
        }

        public Builder delete(String template, Handler handler) {
            return route("DELETE", Access.ADMIN, template, handler);
        }

        /**
         * Routes {@code method} requests whose path matches {@code template}, e.g. {@code /guests/{id}}, for
         * callers with the token {@code access} asks for when {@link #auth(BearerAuth) tokens} are on.
         */
        public Builder route(String method, Access access, String template, Handler handler) {
            String upper = method.toUpperCase(Locale.ROOT);
            if (!keys.add(upper + " " + template)) {
                throw new IllegalArgumentException("Route registered twice: " + upper + " " + template);
            }
            routes.add(new Router.Route(upper, Objects.requireNonNull(access, "access"), PathTemplate.parse(template),
                    Objects.requireNonNull(handler)));
            return this;
        }

        /** The bearer tokens every non-open route checks; {@link BearerAuth#disabled()} until set. */
        public Builder auth(BearerAuth bearerAuth) {
            this.auth = Objects.requireNonNull(bearerAuth, "bearerAuth");
            return this;
        }

        /** Handler threads; a forwarding request holds one while it waits for the other instance. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("At least one HTTP thread is needed, not " + count);
            }
            this.threads = count;
            return this;
        }

        /** The mapper that serialises JSON bodies, for apps whose bodies need modules or settings. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.mapper = Objects.requireNonNull(objectMapper, "objectMapper");
            return this;
        }

        /** The server, not yet listening: {@link HttpApi#start()} binds the port. */
        public HttpApi build() {
            InFlight inFlight = new InFlight();
            Dispatcher dispatcher = new Dispatcher(new Router(routes), mapper, inFlight, auth);
            return new HttpApi(new InetSocketAddress(host, port), dispatcher, threads, inFlight);
        }
    }
}
