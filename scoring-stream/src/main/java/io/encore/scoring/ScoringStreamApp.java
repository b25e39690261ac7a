package io.encore.scoring;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.Topology;

import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.streams.PrivateTopics;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.TrendingModel;
import io.encore.scoring.serving.ScoringApi;
import io.encore.scoring.serving.UpliftGauges;
import io.encore.scoring.topology.ScoringSerdes;
import io.encore.scoring.topology.ScoringTopology;

/**
 * scoring-stream's entry point: configuration → private topics → topology with the production models →
 * Kafka Streams → HTTP API, then block until shutdown. Exits non-zero when Kafka Streams went to ERROR.
 *
 * <p>Usage: {@code ScoringStreamApp [config.properties]}; environment variables override the file.
 */
public final class ScoringStreamApp {

    private ScoringStreamApp() {
    }

    /** The app, built and wired but not started; the caller starts and closes it. */
    public static StreamsApp create(ScoringStreamConfig config) {
        BearerAuth auth = config.httpAuth(); // no tokens and no opt-out: refuse before anything is created
        ScoringSettings settings = config.settings();
        EncoreConfig encore = config.encore();
        AvroWireFormat format = encore.wireFormat();
        ScoringSerdes serdes = ScoringSerdes.of(encore.topicCatalogue(format), format);
        Properties properties = config.streamsProperties(serdes.catalogue().deadLetters().name());
        PrivateTopics.ensure(properties, "scoring-stream", ScoringTopology.privateTopics(settings, serdes.catalogue()));
        Topology topology = ScoringTopology.build(settings, serdes,
                signals -> ModelRegistry.of(signals, signals, signals).all(), TrendingModel::control);
        StreamsApp app = new StreamsApp("scoring-stream", topology, properties, config.endpoint(), auth,
                (routes, streams, locator, forwarder) ->
                        new ScoringApi(streams, locator, forwarder, settings).install(routes));
        UpliftGauges.bind(app.meterRegistry(), app.streams(), settings.channels());
        return app;
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        int exitCode;
        try (StreamsApp app = create(ScoringStreamConfig.load(file, System.getenv(), Map.of())).start()) {
            exitCode = app.awaitTermination();
        }
        System.exit(exitCode);
    }
}
