package io.encore.connectors.ads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A sink task context that records what the task reported as errant and the timeouts it asked for. */
final class FakeSinkTaskContext implements SinkTaskContext {

    private final boolean withReporter;
    private final List<Errant> errant = new ArrayList<>();
    private final List<Long> timeouts = new ArrayList<>();

    private FakeSinkTaskContext(boolean withReporter) {
        this.withReporter = withReporter;
    }

    static FakeSinkTaskContext withErrantReporter() {
        return new FakeSinkTaskContext(true);
    }

    /** As a worker with {@code errors.tolerance=none}: no reporter. */
    static FakeSinkTaskContext withoutErrantReporter() {
        return new FakeSinkTaskContext(false);
    }

    List<Errant> errant() {
        return errant;
    }

    List<Long> timeouts() {
        return timeouts;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withReporter) {
            return null;
        }
        return (record, error) -> {
            errant.add(new Errant(record, error));
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new UnsupportedOperationException("the ad audience sink never rewinds");
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        throw new UnsupportedOperationException("the ad audience sink never rewinds");
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resume(TopicPartition... partitions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the ad audience sink registers no plugin metrics");
    }

    record Errant(SinkRecord record, Throwable error) {
    }
}
