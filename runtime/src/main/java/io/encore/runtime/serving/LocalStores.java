package io.encore.runtime.serving;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.encore.runtime.http.ApiException;

/**
 * An app's own key-value stores for its HTTP API. {@link KafkaStreams#store} throws {@code IllegalStateException}
 * — not {@code InvalidStateStoreException} — once the client is shutting down or has failed, and a stopping
 * instance still answers (and is forwarded) requests until its HTTP server closes after Kafka Streams. Such an
 * instance answers 503 with {@code Retry-After}, as one whose stores are moving does: never a 500
 * (ScalingIT saw twelve during a scale-down before this).
 */
public final class LocalStores {

    private LocalStores() {
    }

    /**
     * The store {@code name} of {@code streams}.
     *
     * @throws ApiException 503 with {@code Retry-After: 1} when the client is not running or rebalancing
     */
    public static <K, V> ReadOnlyKeyValueStore<K, V> keyValue(KafkaStreams streams, String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (IllegalStateException e) {
            throw new ApiException(503, "Kafka Streams is " + streams.state() + " on this instance; retry shortly", 1);
        }
    }
}
