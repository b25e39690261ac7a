package io.encore.stack.bench;

import java.util.List;
import java.util.Map;

/**
 * What one run of {@code ./encore bench} measured, written as JSON. Every figure comes from this run on this
 * machine; the ratios are what compare across machines.
 */
public record BenchResult(String startedAt, Machine machine, Sizes sizes, Ceiling ceiling, Engine engine,
                          Latency latency, FanOut fanOut, State state, Kernel kernel, List<Target> targets) {

    public record Machine(int cores, long memoryBytes, String java, String os) {
    }

    /** The run's sizes, and the settings given to both apps with {@code --app-setting} (usually none). */
    public record Sizes(int guests, int concerts, double consentShare, long events, double latencyRate, double latencySeconds,
                        int partitions, String processingGuarantee, Map<String, Object> appSettings) {
    }

    /** Average CPU use during a phase as a share of all cores: the whole machine's, and this process's. */
    public record Load(double machineCpu, double processCpu) {
    }

    /** The pass-through topology over the pre-produced events. */
    public record Ceiling(long events, double seconds, double eventsPerSecond, Load load) {
    }

    /** profile-stream and scoring-stream over the same events, from a full backlog. */
    public record Engine(long events, double seconds, double eventsPerSecond, double ratioToCeiling,
                         double profileStreamSeconds, Load load) {
    }

    /** Event produced → recommendation change visible to a read_committed consumer, at a fixed offered rate. */
    public record Latency(double offeredRate, double achievedRate, double seconds, int probes, int resolved,
                          int unresolved, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    /** A new concert: from its announcement to the last list change of the re-scoring sweep over every guest. */
    public record FanOut(int guests, boolean completed, double seconds, double firstChangeSeconds, long changes,
                         long changesWithConcert) {
    }

    /** The same result with the state filled in. */
    public BenchResult withState(State measured) {
        return new BenchResult(startedAt, machine, sizes, ceiling, engine, latency, fanOut, measured, kernel, targets);
    }

    /**
     * Both apps' stores: SST files after a clean close (the data), other RocksDB files (per store and task), the
     * memtables while running, and the JVM heap growth per guest.
     */
    public record State(int guests, long sstBytes, long otherFileBytes, long memtableBytes, double sstBytesPerGuest,
                        double heapBytesPerGuest, List<Store> stores) {
    }

    public record Store(String app, String store, long sstBytes, long otherFileBytes, long memtableBytes,
                        long estimatedKeys) {
    }

    /** JMH figures of the scoring kernel, µs per operation (one guest against the whole catalogue). */
    public record Kernel(boolean ran, String note, List<KernelFigure> figures) {
    }

    public record KernelFigure(String benchmark, double microsPerOp, double error) {
    }

    /** A target of this round: reported, never asserted. */
    public record Target(String name, String goal, Double measured, String unit, Boolean met) {
    }
}
