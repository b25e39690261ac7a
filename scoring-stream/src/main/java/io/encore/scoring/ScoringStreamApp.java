package io.encore.scoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.http.HealthRoutes;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.MetricsRoutes;
import io.encore.runtime.metrics.Metrics;
import io.encore.runtime.serving.Forwarder;
import io.encore.runtime.serving.HostAndPort;
import io.encore.runtime.serving.StreamsKeyLocator;
import io.encore.runtime.streams.PrivateTopics;
import io.encore.runtime.streams.StreamsRunner;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.TrendingModel;
import io.encore.scoring.serving.ScoringApi;
import io.encore.scoring.topology.ScoringSerdes;
import io.encore.scoring.topology.ScoringTopology;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * scoring-stream's entry point: configuration → private topics → topology with the production models →
 * Kafka Streams → HTTP API, then block until shutdown. Exits non-zero when Kafka Streams went to ERROR.
 *
 * <p>Usage: {@code ScoringStreamApp [config.properties]}; environment variables override the file.
 */
public final class ScoringStreamApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringStreamApp.class);

    private final StreamsRunner runner;
    private final HttpApi api;

    public ScoringStreamApp(ScoringStreamConfig config) {
        ScoringSettings settings = config.settings();
        EncoreConfig encore = config.encore();
        AvroWireFormat format = encore.wireFormat();
        ScoringSerdes serdes = ScoringSerdes.of(encore.topicCatalogue(format), format);
        Properties properties = config.streamsProperties(serdes.catalogue().deadLetters().name());
        PrivateTopics.ensure(properties, "scoring-stream", ScoringTopology.privateTopics(settings, serdes.catalogue()));
        Topology topology = ScoringTopology.build(settings, serdes,
                signals -> ModelRegistry.of(signals, signals, signals).all(), TrendingModel::control);
        runner = new StreamsRunner(topology, properties);
        PrometheusMeterRegistry registry = Metrics.prometheus();
        runner.alsoClose(Metrics.bindStreams(registry, runner.streams()));
        HostAndPort self = new HostAndPort(config.advertisedHost(), config.httpPort());
        HttpApi.Builder routes = HttpApi.builder(config.httpHost(), config.httpPort());
        HealthRoutes.install(routes, () -> runner.streams().state());
        MetricsRoutes.install(routes, registry);
        new ScoringApi(runner.streams(), new StreamsKeyLocator(runner.streams(), self), new Forwarder(), settings)
                .install(routes);
        api = routes.build();
        runner.alsoClose(api);
    }

    /** Starts the HTTP API and the streams without blocking. */
    public ScoringStreamApp start() {
        api.start();
        runner.start();
        LOG.info("scoring-stream started; HTTP API on port {}", api.port());
        return this;
    }

    public int httpPort() {
        return api.port();
    }

    public int awaitTermination() throws InterruptedException {
        return runner.awaitTermination();
    }

    @Override
    public void close() {
        runner.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        ScoringStreamConfig config = ScoringStreamConfig.load(file, System.getenv(), Map.of());
        int exitCode;
        try (ScoringStreamApp app = new ScoringStreamApp(config).start()) {
            exitCode = app.awaitTermination();
        }
        System.exit(exitCode);
    }
}
