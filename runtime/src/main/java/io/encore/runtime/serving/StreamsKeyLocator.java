package io.encore.runtime.serving;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;

import io.encore.runtime.http.ApiException;

/**
 * Locates String keys with Kafka Streams' own metadata ({@code queryMetadataForKey}), which maps the key to
 * its partition with the default partitioner — right for stores fed by topics keyed by the same String.
 */
public final class StreamsKeyLocator implements KeyLocator {

    private final KafkaStreams streams;
    private final HostAndPort self;

    /** {@code self} must equal this instance's {@code application.server}. */
    public StreamsKeyLocator(KafkaStreams streams, HostAndPort self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
    }

    @Override
    public Location locate(String store, String key) {
        KafkaStreams.State state = streams.state();
        if (!state.isRunningOrRebalancing()) {
            return decide(state, KeyQueryMetadata.NOT_AVAILABLE, store, self);
        }
        try {
            return decide(state, streams.queryMetadataForKey(store, key, Serdes.String().serializer()), store, self);
        } catch (IllegalStateException | StreamsNotStartedException e) {
            // The client left RUNNING/REBALANCING between the state check and the lookup.
            return new Location.Unavailable("Kafka Streams is " + streams.state());
        }
    }

    /** @throws ApiException 503 while the client is not running, when no metadata can be had */
    @Override
    public List<HostAndPort> allInstances() {
        KafkaStreams.State state = streams.state();
        if (!state.isRunningOrRebalancing()) {
            throw new ApiException(503, "Kafka Streams is " + state + "; instance metadata is unavailable", 1);
        }
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .map(HostAndPort::from)
                .distinct()
                .toList();
    }

    @Override
    public HostAndPort self() {
        return self;
    }

    /** The decision alone, so every branch is tested without a running client. */
    static Location decide(KafkaStreams.State state, KeyQueryMetadata metadata, String store, HostAndPort self) {
        if (!state.isRunningOrRebalancing()) {
            return new Location.Unavailable("Kafka Streams is " + state);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || metadata.activeHost().port() < 1) {
            return new Location.Unavailable("No instance holds store '" + store + "' for this key yet (rebalancing)");
        }
        HostAndPort active = HostAndPort.from(metadata.activeHost());
        return active.equals(self) ? new Location.Local() : new Location.Remote(active);
    }
}
