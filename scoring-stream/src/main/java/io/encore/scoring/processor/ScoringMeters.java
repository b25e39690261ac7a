package io.encore.scoring.processor;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * scoring-stream's own meters: changes published ({@value #CHANGES}), arms chosen ({@value #SELECTIONS}) and the
 * time from an event to the change it caused ({@value #LATENCY}). Labels come from fixed sets — channel, change
 * reason, arm (a model name, {@code control} or {@code unpersonalized}) — never a guest id. One instance per
 * processor, so per task; meters of the same name and labels are shared by every task of the app.
 */
final class ScoringMeters {

    static final String CHANGES = "encore.recommendation.changes";
    static final String SELECTIONS = "encore.model.selections";
    static final String LATENCY = "encore.end.to.end.latency";
    /** An event older than this when its change is published is a replay or an import, not live latency. */
    static final Duration LIVE_HORIZON = Duration.ofHours(1);
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), LIVE_HORIZON};

    private final MeterRegistry registry;
    private final Map<String, Counter> changes = new HashMap<>();
    private final Map<String, Counter> selections = new HashMap<>();
    private final Map<Channel, Timer> latencies = new EnumMap<>(Channel.class);

    ScoringMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A {@code RecommendationChange} published. */
    void changed(Channel channel, RecommendationChangeReason reason) {
        changes.computeIfAbsent(channel.name() + "|" + reason.name(), ignored -> Counter.builder(CHANGES)
                .description("Recommendation changes published, by channel and reason")
                .tag("channel", label(channel)).tag("reason", reason.name())
                .register(registry)).increment();
    }

    /** An arm chosen for a new exposure of a guest on a channel: one trial, as {@code /models} counts selections. */
    void selected(Channel channel, String arm) {
        selections.computeIfAbsent(channel.name() + "|" + arm, ignored -> Counter.builder(SELECTIONS)
                .description("Arms chosen for new exposures (bandit draws, holdout control, unpersonalized), by channel and arm")
                .tag("channel", label(channel)).tag("arm", arm)
                .register(registry)).increment();
    }

    /**
     * The time from the event that changed a guest's profile ({@code eventTime}, the profile record's timestamp)
     * to the change published ({@code publishedAt}, wall clock). Left out beyond {@link #LIVE_HORIZON}, and
     * for a negative difference (clock skew).
     */
    void latency(Channel channel, long eventTime, long publishedAt) {
        long millis = publishedAt - eventTime;
        if (millis < 0 || millis > LIVE_HORIZON.toMillis()) {
            return;
        }
        latencies.computeIfAbsent(channel, c -> Timer.builder(LATENCY)
                .description("Event time of the event that changed a profile to the recommendation change it caused")
                .tag("channel", label(c))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(Duration.ofMillis(millis));
    }

    private static String label(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
