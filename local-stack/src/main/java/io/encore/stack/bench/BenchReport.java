package io.encore.stack.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The run's targets, its summary table and its JSON file. */
final class BenchReport {

    static final double ENGINE_RATIO_GOAL = 0.25;
    static final double P99_GOAL_MS = 250;
    static final double LATENCY_GOAL_RATE = 5_000;
    static final double FAN_OUT_GOAL_SECONDS = 60;
    static final int FAN_OUT_GOAL_GUESTS = 1_000_000;
    static final double STATE_GOAL_BYTES = 1_024;
    static final double KERNEL_GOAL_MICROS = 15;
    static final String KERNEL_BENCHMARK = "conceptMatchScore";

    private BenchReport() {
    }

    static BenchResult.Machine machine() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new BenchResult.Machine(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The result with the machine, the kernel and this round's targets filled in. */
    static BenchResult complete(BenchResult result, BenchResult.Kernel kernel) {
        List<BenchResult.Target> targets = new ArrayList<>();
        targets.add(new BenchResult.Target("engine / ceiling", "≥ " + ENGINE_RATIO_GOAL, result.engine().ratioToCeiling(),
                "ratio", result.engine().ratioToCeiling() >= ENGINE_RATIO_GOAL));
        BenchResult.Latency latency = result.latency();
        boolean atGoalRate = latency.offeredRate() >= LATENCY_GOAL_RATE;
        targets.add(new BenchResult.Target("latency p99", "≤ " + (int) P99_GOAL_MS + " ms at 5,000 events/s",
                latency.p99Ms(), String.format("ms at %,.0f events/s", latency.offeredRate()),
                !atGoalRate || latency.resolved() == 0 ? null : latency.p99Ms() <= P99_GOAL_MS && latency.unresolved() == 0));
        BenchResult.FanOut fanOut = result.fanOut();
        targets.add(new BenchResult.Target("fan-out", "≤ 60 s to 1,000,000 guests", fanOut.seconds(),
                String.format("s to %,d guests", fanOut.guests()),
                fanOut.guests() < FAN_OUT_GOAL_GUESTS ? null : fanOut.completed() && fanOut.seconds() <= FAN_OUT_GOAL_SECONDS));
        targets.add(new BenchResult.Target("state per guest", "≤ 1 KB", result.state().sstBytesPerGuest(),
                "bytes (RocksDB SST files)", result.state().sstBytesPerGuest() <= STATE_GOAL_BYTES));
        Double micros = kernel.figures().stream().filter(f -> f.benchmark().equals(KERNEL_BENCHMARK))
                .map(BenchResult.KernelFigure::microsPerOp).findFirst().orElse(null);
        targets.add(new BenchResult.Target("kernel", "≤ 15 µs per 1,000 concerts", micros, "µs (" + KERNEL_BENCHMARK + ")",
                micros == null ? null : micros <= KERNEL_GOAL_MICROS));
        return new BenchResult(result.startedAt(), machine(), result.sizes(), result.ceiling(), result.engine(),
                result.latency(), result.fanOut(), result.state(), kernel, targets);
    }

    static void write(Path file, BenchResult result) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    }

    static void print(BenchResult r, PrintWriter out) {
        BenchResult.Sizes s = r.sizes();
        out.printf("%nEncore bench: %,d guests (%.0f %% consenting to web, e-mail and ads), %,d concerts, %,d events, "
                + "%d partitions, %s; %d cores, Java %s%n", s.guests(), 100 * s.consentShare(), s.concerts(), s.events(),
                s.partitions(), s.processingGuarantee(), r.machine().cores(),
                System.getProperty("java.specification.version"));
        out.printf("  %-12s %s%n", "ceiling", String.format("%,.0f events/s (%.1f s, pass-through with Avro serdes; %s)",
                r.ceiling().eventsPerSecond(), r.ceiling().seconds(), load(r.ceiling().load())));
        out.printf("  %-12s %s%n", "engine", String.format("%,.0f events/s (%.1f s; profile-stream done at %.1f s; %s), "
                + "%.3f of the ceiling", r.engine().eventsPerSecond(), r.engine().seconds(), r.engine().profileStreamSeconds(),
                load(r.engine().load()), r.engine().ratioToCeiling()));
        BenchResult.Latency l = r.latency();
        out.printf("  %-12s %s%n", "latency", String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms at %,.0f events/s "
                + "offered (%,.0f sent); %d probes, %d unresolved", l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs(),
                l.offeredRate(), l.achievedRate(), l.probes(), l.unresolved()));
        BenchResult.FanOut f = r.fanOut();
        out.printf("  %-12s %s%n", "fan-out", String.format("%s%.1f s to %,d guests (first list with the concert after %.1f s; "
                + "%,d changes, %,d with the concert)", f.completed() ? "" : "not finished after ", f.seconds(), f.guests(),
                f.firstChangeSeconds(), f.changes(), f.changesWithConcert()));
        BenchResult.State st = r.state();
        out.printf("  %-12s %s%n", "state", String.format("%,.0f bytes/guest in RocksDB SST files (+ %,.0f MB other files, "
                + "%,.0f MB memtables while running), heap growth %,.0f bytes/guest", st.sstBytesPerGuest(),
                st.otherFileBytes() / 1e6, st.memtableBytes() / 1e6, st.heapBytesPerGuest()));
        if (r.kernel().ran()) {
            r.kernel().figures().forEach(k -> out.printf("  %-12s %s%n", "kernel",
                    String.format("%-18s %.2f ± %.2f µs", k.benchmark(), k.microsPerOp(), k.error())));
        } else {
            out.printf("  %-12s %s%n", "kernel", "not run: " + r.kernel().note());
        }
        out.println();
        out.printf("  %-16s %-32s %14s  %s%n", "target", "goal", "measured", "met");
        for (BenchResult.Target t : r.targets()) {
            out.printf("  %-16s %-32s %14s  %s%n", t.name(), t.goal(),
                    t.measured() == null ? "—" : String.format("%,.2f", t.measured()) + " " + shortUnit(t.unit()),
                    t.met() == null ? "n/a (" + t.unit() + ")" : t.met() ? "yes" : "NO");
        }
        out.flush();
    }

    private static String load(BenchResult.Load load) {
        return String.format("machine CPU %.0f %%, this process %.0f %%", 100 * load.machineCpu(), 100 * load.processCpu());
    }

    private static String shortUnit(String unit) {
        int space = unit.indexOf(' ');
        return space < 0 ? unit : unit.substring(0, space);
    }
}
