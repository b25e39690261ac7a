package io.encore.runtime.metrics;

import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One place that decides what every Encore app exposes: JVM health (memory, GC, threads, class loading, CPU),
 * the Kafka Streams client's own metrics (lag, process rate, state-store latencies), and the engine's own meters
 * ({@code encore_*}: events, dead letters, changes, model selections, uplift, latency).
 *
 * <p>The engine's meters are recorded where the work happens — in processors and in the dead-letter handler,
 * which Kafka Streams instantiates and configures itself. Both get the Streams configuration map
 * ({@code ProcessorContext.appConfigs()}, {@code configure(Map)}), so the app's registry travels in it under
 * {@value #REGISTRY_CONFIG}: no static registry, and a test hands its own to a {@code TopologyTestDriver}.
 */
public final class Metrics {

    /** The key of the app's {@link MeterRegistry} in the Kafka Streams properties; an object, not a setting. */
    public static final String REGISTRY_CONFIG = "encore.metrics.registry";

    private Metrics() {
    }

    /**
     * A Prometheus registry with the JVM and processor meters bound. The GC binder listens to the JVM's GC
     * notifications for the life of the process; an app makes one registry, at startup.
     */
    public static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * The registry handed through a Streams configuration map, or one that keeps nothing when there is none (a
     * topology test that does not look at meters).
     */
    public static MeterRegistry registry(Map<String, ?> configs) {
        return configs.get(REGISTRY_CONFIG) instanceof MeterRegistry registry ? registry : new CompositeMeterRegistry();
    }

    /**
     * Binds the client's metrics to {@code registry}; the binder keeps polling for metrics of new stream
     * threads until it is closed, so close it with the client.
     */
    public static KafkaStreamsMetrics bindStreams(MeterRegistry registry, KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        return binder;
    }
}
