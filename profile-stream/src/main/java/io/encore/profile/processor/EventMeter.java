package io.encore.profile.processor;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the input events profile-stream took in, as {@value #NAME} by input topic and event type: every record
 * of an input topic that decoded and passed normalization, duplicates included, so that records in = processed
 * + dead-lettered. Both labels come from fixed sets (the configured topics, {@code EventKind}); never an id.
 */
final class EventMeter {

    static final String NAME = "encore.events.processed";
    static final String IDENTITY_LINK = "IDENTITY_LINK";

    private final MeterRegistry registry;
    // One processor per task, on one thread: the map needs no lock; the counters themselves are shared.
    private final Map<String, Counter> counters = new HashMap<>();

    EventMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String topic, String type) {
        counters.computeIfAbsent(topic + "|" + type, ignored -> Counter.builder(NAME)
                .description("Input events profile-stream processed, by input topic and event type")
                .tag("topic", topic)
                .tag("type", type)
                .register(registry)).increment();
    }
}
