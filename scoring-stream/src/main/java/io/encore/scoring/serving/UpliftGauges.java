package io.encore.scoring.serving;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.encore.runtime.http.ApiException;
import io.encore.schemas.avro.Channel;
import io.encore.scoring.avro.SharedSignal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The holdout comparison {@code /models} reports, as gauges per channel: {@value #UPLIFT} (treated rate −
 * control rate) and its 95 % interval, {@value #LOWER} and {@value #UPPER}. Read from the bandits' global store
 * when scraped — every instance holds all of it — at most once a second however many gauges ask; NaN until both
 * the treated and the control group have a trial, and while the store is not open.
 */
public final class UpliftGauges {

    public static final String UPLIFT = "encore.uplift";
    public static final String LOWER = "encore.uplift.lower";
    public static final String UPPER = "encore.uplift.upper";
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final Supplier<Map<String, SharedSignal>> bandits;
    private final long refreshNanos;
    private ModelReport report;
    private long readAt;

    UpliftGauges(Supplier<Map<String, SharedSignal>> bandits, long refreshNanos) {
        this.bandits = bandits;
        this.refreshNanos = refreshNanos;
    }

    /** Registers the gauges of {@code channels} on {@code registry}, over {@code streams}' global store. */
    public static void bind(MeterRegistry registry, KafkaStreams streams, List<Channel> channels) {
        bind(registry, () -> ScoringApi.bandits(streams), channels, REFRESH_NANOS);
    }

    static UpliftGauges bind(MeterRegistry registry, Supplier<Map<String, SharedSignal>> bandits,
                             List<Channel> channels, long refreshNanos) {
        UpliftGauges gauges = new UpliftGauges(bandits, refreshNanos);
        for (Channel channel : channels) {
            gauges.register(registry, UPLIFT, channel, ModelReport.Uplift::uplift,
                    "Uplift over the holdout: treated conversion rate minus control conversion rate");
            gauges.register(registry, LOWER, channel, ModelReport.Uplift::lower, "Lower end of the uplift's 95 % interval");
            gauges.register(registry, UPPER, channel, ModelReport.Uplift::upper, "Upper end of the uplift's 95 % interval");
        }
        return gauges;
    }

    private void register(MeterRegistry registry, String name, Channel channel,
                          ToDoubleFunction<ModelReport.Uplift> value, String description) {
        Gauge.builder(name, this, gauges -> gauges.value(channel, value))
                .description(description)
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    double value(Channel channel, ToDoubleFunction<ModelReport.Uplift> value) {
        ModelReport current = report();
        ModelReport.ChannelModels models = current == null ? null : current.channels().get(channel.name());
        ModelReport.Uplift uplift = models == null ? null : models.holdout().uplift();
        return uplift == null ? Double.NaN : value.applyAsDouble(uplift);
    }

    private synchronized ModelReport report() {
        long now = System.nanoTime();
        if (report == null || now - readAt >= refreshNanos) {
            try {
                report = ModelReport.of(bandits.get());
            } catch (InvalidStateStoreException | ApiException e) {
                report = null; // restoring, rebalancing or stopping: no number rather than an old one
            }
            readAt = now;
        }
        return report;
    }
}
