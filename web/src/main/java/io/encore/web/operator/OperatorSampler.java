package io.encore.web.operator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.schemas.topic.Topic;
import io.encore.web.apps.ApiAnswer;
import io.encore.web.apps.StreamApis;

/**
 * Samples the cluster once per tick (a second by default) into the operator view's time series: records per
 * second per topic (end-offset deltas), each stream app's consumer lag, recommendation changes per second by
 * reason (records counted as read), the latency percentiles of {@link LatencyTracker}, and, every fifth tick,
 * the holdout uplift from scoring-stream's {@code /models}. A part that fails leaves a gap and an error for the
 * status panel; the others still sample.
 */
public final class OperatorSampler implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorSampler.class);
    static final int UPLIFT_EVERY_TICKS = 5;

    private final KafkaStats stats;
    private final Map<String, String> topics;
    private final List<String> groups;
    private final StreamApis apis;
    private final ChangeCounter changes;
    private final LatencyTracker latency;
    private final LongSupplier clock;

    private final SeriesSet throughput;
    private final SeriesSet lag;
    private final SeriesSet changeRates;
    private final SeriesSet latencies;
    private final SeriesSet uplift;
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, Long>> latestLag = Map.of();
    private volatile Map<String, Long> latestEnds = Map.of();

    private Map<String, Long> previousEnds;
    private Map<String, Long> previousChanges;
    private long previousAt;
    private long ticks;

    /**
     * @param topics   the topics to chart, from the catalogue
     * @param groups   consumer groups whose lag is charted
     * @param capacity points kept per series
     */
    public OperatorSampler(KafkaStats stats, List<Topic<String, ?>> topics, List<String> groups, StreamApis apis,
                           ChangeCounter changes, LatencyTracker latency, LongSupplier clock, int capacity) {
        this.stats = stats;
        this.topics = new LinkedHashMap<>();
        topics.forEach(topic -> this.topics.put(topic.name(), topic.logicalName()));
        this.groups = List.copyOf(groups);
        this.apis = apis;
        this.changes = changes;
        this.latency = latency;
        this.clock = clock;
        this.throughput = new SeriesSet(capacity);
        this.lag = new SeriesSet(capacity);
        this.changeRates = new SeriesSet(capacity);
        this.latencies = new SeriesSet(capacity);
        this.uplift = new SeriesSet(capacity);
    }

    @Override
    public synchronized void run() {
        long now = clock.getAsLong();
        double seconds = previousAt == 0 ? 0 : (now - previousAt) / 1000.0;
        attempt("offsets", () -> sampleOffsets(now, seconds));
        attempt("lag", () -> sampleLag(now));
        attempt("changes", () -> sampleChanges(now, seconds));
        attempt("latency", () -> sampleLatency(now));
        if (ticks++ % UPLIFT_EVERY_TICKS == 0) {
            attempt("models", () -> sampleUplift(now));
        }
        previousAt = now;
    }

    private void sampleOffsets(long now, double seconds) {
        Map<String, Long> ends = stats.endOffsets(topics.keySet());
        if (previousEnds != null && seconds > 0) {
            ends.forEach((name, end) -> {
                Long before = previousEnds.get(name);
                if (before != null) {
                    throughput.add(topics.get(name), now, Math.max(0, end - before) / seconds);
                }
            });
        }
        previousEnds = ends;
        Map<String, Long> byLogical = new TreeMap<>();
        ends.forEach((name, end) -> byLogical.put(topics.get(name), end));
        latestEnds = byLogical;
    }

    private void sampleLag(long now) {
        Map<String, Map<String, Long>> byGroup = stats.lag(groups);
        Map<String, Map<String, Long>> shown = new TreeMap<>();
        byGroup.forEach((group, byTopic) -> {
            lag.add(group, now, byTopic.values().stream().mapToLong(Long::longValue).sum());
            Map<String, Long> named = new TreeMap<>();
            byTopic.forEach((topic, value) -> named.put(topics.getOrDefault(topic, topic), value));
            shown.put(group, named);
        });
        latestLag = shown;
    }

    private void sampleChanges(long now, double seconds) {
        Map<String, Long> counts = changes.byReason();
        if (previousChanges != null && seconds > 0) {
            long total = 0;
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                long delta = count.getValue() - previousChanges.getOrDefault(count.getKey(), 0L);
                changeRates.add(count.getKey(), now, delta / seconds);
                total += delta;
            }
            changeRates.add("ALL", now, total / seconds);
        }
        previousChanges = new HashMap<>(counts);
    }

    private void sampleLatency(long now) {
        latency.expire(now);
        LatencyTracker.Summary endToEnd = latency.endToEnd(now);
        if (endToEnd.count() > 0) {
            latencies.add("event→change p50", now, endToEnd.p50());
            latencies.add("event→change p95", now, endToEnd.p95());
        }
        LatencyTracker.Summary profile = latency.profileStage(now);
        if (profile.count() > 0) {
            latencies.add("event→profile p50", now, profile.p50());
            latencies.add("event→profile p95", now, profile.p95());
        }
    }

    private void sampleUplift(long now) {
        ApiAnswer models = apis.models();
        if (!models.ok()) {
            throw new IllegalStateException(models.error());
        }
        for (Map.Entry<String, JsonNode> channel : models.body().path("channels").properties()) {
            JsonNode estimate = channel.getValue().path("holdout").path("uplift");
            if (estimate.isObject()) {
                uplift.add(channel.getKey() + "|uplift", now, estimate.path("uplift").asDouble());
                uplift.add(channel.getKey() + "|lower", now, estimate.path("lower").asDouble());
                uplift.add(channel.getKey() + "|upper", now, estimate.path("upper").asDouble());
            }
        }
    }

    private void attempt(String part, Runnable sample) {
        try {
            sample.run();
            errors.remove(part);
        } catch (RuntimeException e) {
            String before = errors.put(part, String.valueOf(e.getMessage()));
            if (before == null) {
                LOG.warn("Operator view: sampling {} failed ({}); retrying every tick", part, e.getMessage());
            }
        }
    }

    public SeriesSet throughput() {
        return throughput;
    }

    public SeriesSet lag() {
        return lag;
    }

    public SeriesSet changeRates() {
        return changeRates;
    }

    public SeriesSet latencies() {
        return latencies;
    }

    public SeriesSet uplift() {
        return uplift;
    }

    /** Group → topic → lag at the last sample. */
    public Map<String, Map<String, Long>> latestLag() {
        return latestLag;
    }

    /** Topic → end offset (records ever written, plus transaction markers) at the last sample. */
    public Map<String, Long> latestEnds() {
        return latestEnds;
    }

    /** Part → why its last sample failed; empty when all succeeded. */
    public Map<String, String> errors() {
        return new TreeMap<>(errors);
    }
}
