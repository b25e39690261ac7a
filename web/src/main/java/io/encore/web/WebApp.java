package io.encore.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Response;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.web.actions.GuestActions;
import io.encore.web.clusters.TasteClusters;
import io.encore.web.config.WebConfig;
import io.encore.web.http.WebRoutes;
import io.encore.web.operator.AdAudiences;
import io.encore.web.operator.OperatorSampler;
import io.encore.web.operator.Outbox;

/**
 * The web app {@code ./encore demo} serves: the concert hall's front page as any guest sees it, acting as that
 * guest, and the operator's view with charts. The demo builds it with {@link #create(WebConfig, Outbox,
 * AdAudiences)}, plugging in its mail capture and ad platform stand-in, then {@link #start()}s and
 * {@link #close()}s it with the other apps; tests build it over fakes with {@link #create(WebConfig, WebSources)};
 * {@link #main(String[])} runs it as a process of its own (the container image), without those two stand-ins.
 *
 * <pre>{@code
 * WebApp web = WebApp.create(WebConfig.load(null, System.getenv(), overrides), outbox, audiences).start();
 * // http://localhost:8080/ and http://localhost:8080/operator
 * }</pre>
 */
public final class WebApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private final HttpApi http;
    private final OperatorSampler sampler;
    private final long sampleMillis;
    private final List<AutoCloseable> resources;
    private final Runnable starter;
    private ScheduledExecutorService scheduler;
    private boolean started;

    private WebApp(HttpApi http, OperatorSampler sampler, long sampleMillis, List<AutoCloseable> resources,
                   Runnable starter) {
        this.http = http;
        this.sampler = sampler;
        this.sampleMillis = sampleMillis;
        this.resources = resources;
        this.starter = starter;
    }

    /**
     * Runs the app until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it.
     *
     * <p>Usage: {@code WebApp [config.properties]}; environment variables override the file
     * ({@code ENCORE_WEB_*}, {@code KAFKA_*}, {@code SCHEMA_REGISTRY_*}, {@code ENCORE_TOPIC_PREFIX}). Outside the
     * demo there is no mail capture and no ad platform stand-in: the outbox and audience panels stay empty.
     */
    public static void main(String[] args) throws InterruptedException {
        WebApp web = launch(args, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            stopped.countDown();
        }, "encore-web-shutdown"));
        stopped.await(); // the HTTP server's threads are daemons: without this wait the JVM would end here
    }

    /** The app started from an optional properties file ({@code args[0]}) and the environment, which wins. */
    static WebApp launch(String[] args, Map<String, String> environment) {
        if (args.length > 1) {
            throw new IllegalArgumentException("Usage: WebApp [config.properties]");
        }
        Path file = args.length == 1 ? Path.of(args[0]) : null;
        return create(WebConfig.load(file, environment, Map.of()), Outbox.none(), AdAudiences.none()).start();
    }

    /** The app on Kafka, Redis and the stream apps' HTTP APIs as {@code config} says; nothing runs before {@link #start()}. */
    public static WebApp create(WebConfig config, Outbox outbox, AdAudiences audiences) {
        ObjectMapper mapper = mapper();
        KafkaWebSources kafka = KafkaWebSources.open(config, outbox, audiences, Clock.systemUTC(), mapper);
        try {
            return build(config, kafka.sources(), mapper, kafka::status, kafka::caughtUp, List.of(kafka), kafka::start);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** The app over the given parts (fakes in tests); only the HTTP server and the sampler start. */
    public static WebApp create(WebConfig config, WebSources sources) {
        return build(config, sources, mapper(), Map::of, () -> true, List.of(), () -> { });
    }

    private static WebApp build(WebConfig config, WebSources sources, ObjectMapper mapper,
                                Supplier<Map<String, Object>> status, BooleanSupplier ready,
                                List<AutoCloseable> resources, Runnable starter) {
        TopicCatalogue topics = config.encore().topicCatalogue();
        Clock clock = sources.clock();
        OperatorSampler sampler = new OperatorSampler(sources.kafkaStats(), topics.all(), config.lagGroups(),
                sources.apis(), sources.changes(), sources.latency(), clock::millis,
                Math.max(1, (int) (config.historySeconds() * 1000L / config.sampleInterval().toMillis())));
        GuestActions actions = new GuestActions(topics, sources.events(), clock, config.source(), GuestActions.randomIds());
        TasteClusters clusters = new TasteClusters(sources.guests(), config.clustersK(), config.clustersMaxGuests(),
                config.clustersSeed(), clock::millis);
        HttpApi.Builder builder = HttpApi.builder(config.httpHost(), config.httpPort()).objectMapper(mapper).threads(8);
        new WebRoutes(sources, actions, sampler, clusters).install(builder);
        builder.get("/api/status", request -> Response.ok(status(sources, sampler, status.get())))
                .get("/health/live", request -> Response.ok(Map.of("status", "UP")))
                .get("/health/ready", request -> ready.getAsBoolean() ? Response.ok(Map.of("status", "UP"))
                        : Response.json(503, Map.of("status", "DOWN", "reason", "still reading the topics"))
                                .withHeader(Response.RETRY_AFTER, "1"));
        return new WebApp(builder.build(), sampler, config.sampleInterval().toMillis(), new ArrayList<>(resources), starter);
    }

    /** Starts reading the topics, sampling the cluster and serving HTTP. */
    public synchronized WebApp start() {
        if (started) {
            throw new IllegalStateException("The web app already started");
        }
        started = true;
        starter.run();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "encore-web-sampler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(sampler, sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
        http.start();
        LOG.info("Encore web app on port {}: / (guest's front page), /operator (operator's view)", http.port());
        return this;
    }

    /** The port bound, once started (a free one when configured with 0). */
    public int port() {
        return http.port();
    }

    /** Takes one operator sample now, as the scheduler does every interval; for tests. */
    void sampleNow() {
        sampler.run();
    }

    @Override
    public synchronized void close() {
        http.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", resource, e);
            }
        }
    }

    private static Map<String, Object> status(WebSources sources, OperatorSampler sampler, Map<String, Object> kafka) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("concerts", sources.catalogue().size());
        body.put("guests", sources.guests().size());
        body.put("emailSends", sources.sends().size());
        body.put("samplingErrors", sampler.errors());
        body.putAll(kafka);
        return body;
    }

    static ObjectMapper mapper() {
        return new ObjectMapper();
    }
}
