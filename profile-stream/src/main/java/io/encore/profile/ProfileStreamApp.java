package io.encore.profile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.profile.config.ProfileSettings;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.profile.processor.ProfileReader;
import io.encore.profile.serving.ProfileApi;
import io.encore.profile.topology.ProfileSerdes;
import io.encore.profile.topology.ProfileTopology;
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

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * profile-stream's entry point: configuration → private topics → topology → Kafka Streams → HTTP API, then
 * block until shutdown. Exits non-zero when Kafka Streams went to ERROR.
 *
 * <p>Usage: {@code ProfileStreamApp [config.properties]}; environment variables override the file.
 */
public final class ProfileStreamApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStreamApp.class);

    private final StreamsRunner runner;
    private final HttpApi api;

    public ProfileStreamApp(ProfileStreamConfig config) {
        ProfileSettings settings = config.settings();
        EncoreConfig encore = config.encore();
        AvroWireFormat format = encore.wireFormat();
        ProfileSerdes serdes = ProfileSerdes.of(encore.topicCatalogue(format), format);
        Properties properties = config.streamsProperties(serdes.catalogue().deadLetters().name());
        PrivateTopics.ensure(properties, "profile-stream", ProfileTopology.privateTopics(settings, serdes.catalogue()));
        Topology topology = ProfileTopology.build(settings, serdes);
        runner = new StreamsRunner(topology, properties);
        PrometheusMeterRegistry registry = Metrics.prometheus();
        runner.alsoClose(Metrics.bindStreams(registry, runner.streams()));
        HostAndPort self = new HostAndPort(config.advertisedHost(), config.httpPort());
        HttpApi.Builder routes = HttpApi.builder(config.httpHost(), config.httpPort());
        HealthRoutes.install(routes, () -> runner.streams().state());
        MetricsRoutes.install(routes, registry);
        new ProfileApi(runner.streams(), new StreamsKeyLocator(runner.streams(), self), new Forwarder(),
                new ProfileReader(settings)).install(routes);
        api = routes.build();
        runner.alsoClose(api);
    }

    /** Starts the HTTP API and the streams without blocking. */
    public ProfileStreamApp start() {
        api.start();
        runner.start();
        LOG.info("profile-stream started; HTTP API on port {}", api.port());
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
        ProfileStreamConfig config = ProfileStreamConfig.load(file, System.getenv(), Map.of());
        int exitCode;
        try (ProfileStreamApp app = new ProfileStreamApp(config).start()) {
            exitCode = app.awaitTermination();
        }
        System.exit(exitCode);
    }
}
