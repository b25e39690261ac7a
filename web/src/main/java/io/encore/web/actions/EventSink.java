package io.encore.web.actions;

import java.util.concurrent.CompletableFuture;

import io.encore.schemas.topic.Topic;

/**
 * Where the guest's actions go: the real input topics, written with Encore's serdes exactly as a site tracker
 * or ticketing system would write them. Completes when the broker acknowledged the record.
 */
@FunctionalInterface
public interface EventSink {

    <V> CompletableFuture<Delivered> send(Topic<String, V> topic, String key, V value);

    /** Where a record landed. */
    record Delivered(String topic, int partition, long offset) {
    }
}
