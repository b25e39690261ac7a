package io.encore.runtime.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.runtime.http.BearerAuth;

/**
 * The Kafka Streams properties of an Encore app: every original setting but the HTTP tokens passes through (the
 * dead-letter handler reads the registry settings from them), with production defaults where the operator set
 * nothing: exactly_once_v2, state under {@code .encore/state} in the working directory, no record cache (measured: with
 * keys spread evenly it adds flush work and saves no reads), RocksDB bounded to one memory budget per process
 * ({@link BoundedRocksDbMemory}), the dead-letter handler for deserialization,
 * processing (global stores included) and production failures, and {@code application.server} so
 * interactive queries can be forwarded.
 */
public final class StreamsDefaults {

    private StreamsDefaults() {
    }

    public static Properties properties(Map<String, Object> originals, String applicationId, String bootstrapServers,
                                        StreamsApp.Endpoint endpoint, String deadLetterTopic) {
        Properties props = new Properties();
        props.putAll(originals);
        // The HTTP tokens are the server's alone: no Kafka client, serde or handler is handed them.
        props.remove(BearerAuth.TOKEN_CONFIG);
        props.remove(BearerAuth.ADMIN_TOKEN_CONFIG);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, Path.of(".encore", "state").toAbsolutePath().toString());
        props.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, endpoint.advertisedHost() + ":" + endpoint.port());
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.putIfAbsent("processing.exception.handler.global.enabled", true); // the 5.0 default
        props.putIfAbsent(DeadLetterHandler.TOPIC_CONFIG, deadLetterTopic);
        return props;
    }
}
