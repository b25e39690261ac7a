package io.encore.runtime.streams;

import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.http.HealthRoutes;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.MetricsRoutes;
import io.encore.runtime.metrics.Metrics;
import io.encore.runtime.serving.Forwarder;
import io.encore.runtime.serving.HostAndPort;
import io.encore.runtime.serving.KeyLocator;
import io.encore.runtime.serving.StreamsKeyLocator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What every Encore stream app is around its topology: Kafka Streams run by a {@link StreamsRunner}, an
 * HTTP API with health and Prometheus routes plus the app's own query routes behind bearer tokens, and the
 * metrics registry (handed to the topology through the Streams properties), all closed together. The apps'
 * {@code main} classes only build the topology and their routes.
 */
public final class StreamsApp implements AutoCloseable {

    /** Installs an app's query routes; the locator and forwarder serve keys held by other instances. */
    @FunctionalInterface
    public interface Routes {
        void install(HttpApi.Builder builder, KafkaStreams streams, KeyLocator locator, Forwarder forwarder);
    }

    /** Where the HTTP API listens and how other instances reach it ({@code application.server}). */
    public record Endpoint(String bindHost, int port, String advertisedHost) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final String name;
    private final StreamsRunner runner;
    private final HttpApi api;
    private final PrometheusMeterRegistry registry;

    /**
     * Wires the app; {@code auth} guards every route but the health probes ({@link BearerAuth#from} refuses to
     * build one without tokens unless the operator opted out).
     */
    public StreamsApp(String name, Topology topology, Properties properties, Endpoint endpoint, BearerAuth auth,
                      Routes routes) {
        this.name = name;
        registry = Metrics.prometheus();
        Properties withRegistry = new Properties();
        withRegistry.putAll(properties);
        withRegistry.put(Metrics.REGISTRY_CONFIG, registry); // for the processors and the dead-letter handler
        runner = new StreamsRunner(topology, withRegistry);
        runner.alsoClose(Metrics.bindStreams(registry, runner.streams()));
        HttpApi.Builder builder = HttpApi.builder(endpoint.bindHost(), endpoint.port()).auth(auth);
        HealthRoutes.install(builder, () -> runner.streams().state());
        MetricsRoutes.install(builder, registry);
        HostAndPort self = new HostAndPort(endpoint.advertisedHost(), endpoint.port());
        routes.install(builder, runner.streams(), new StreamsKeyLocator(runner.streams(), self), new Forwarder());
        api = builder.build();
        runner.alsoClose(api);
    }

    /** Starts the HTTP API and the streams without blocking. */
    public StreamsApp start() {
        api.start();
        runner.start();
        LOG.info("{} started; HTTP API on port {}", name, api.port());
        return this;
    }

    public int httpPort() {
        return api.port();
    }

    /** The registry {@code /metrics} serves, for meters an app binds outside its topology (uplift gauges). */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /**
     * The app's Kafka Streams, for tools that watch or hold it from outside: {@code ./encore bench} pauses it
     * while the pass-through ceiling runs and reads its RocksDB metrics.
     */
    public KafkaStreams streams() {
        return runner.streams();
    }

    /** Blocks until Kafka Streams stops; 0 after a clean shutdown, 1 when it went to ERROR. */
    public int awaitTermination() throws InterruptedException {
        return runner.awaitTermination();
    }

    @Override
    public void close() {
        runner.close();
    }
}
