package io.encore.profile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.encore.profile.config.ProfileSettings;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.profile.processor.ProfileReader;
import io.encore.profile.serving.ProfileApi;
import io.encore.profile.topology.ProfileSerdes;
import io.encore.profile.topology.ProfileTopology;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.streams.PrivateTopics;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * profile-stream's entry point: configuration → private topics → topology → Kafka Streams → HTTP API, then
 * block until shutdown. Exits non-zero when Kafka Streams went to ERROR.
 *
 * <p>Usage: {@code ProfileStreamApp [config.properties]}; environment variables override the file.
 */
public final class ProfileStreamApp {

    private ProfileStreamApp() {
    }

    /** The app, built and wired but not started; the caller starts and closes it. */
    public static StreamsApp create(ProfileStreamConfig config) {
        config.httpAuth(); // no tokens and no opt-out: refuse before anything is created
        ProfileSettings settings = config.settings();
        EncoreConfig encore = config.encore();
        AvroWireFormat format = encore.wireFormat();
        ProfileSerdes serdes = ProfileSerdes.of(encore.topicCatalogue(format), format);
        Properties properties = config.streamsProperties(serdes.catalogue().deadLetters().name());
        PrivateTopics.ensure(properties, "profile-stream", ProfileTopology.privateTopics(settings, serdes.catalogue()));
        return new StreamsApp("profile-stream", ProfileTopology.build(settings, serdes), properties, config.endpoint(),
                config.httpAuth(), (routes, streams, locator, forwarder) ->
                        new ProfileApi(streams, locator, forwarder, new ProfileReader(settings)).install(routes));
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = args.length > 0 ? Path.of(args[0]) : null;
        int exitCode;
        try (StreamsApp app = create(ProfileStreamConfig.load(file, System.getenv(), Map.of())).start()) {
            exitCode = app.awaitTermination();
        }
        System.exit(exitCode);
    }
}
