package io.encore.stack.bench;

import java.lang.management.ManagementFactory;

/**
 * How busy the machine and this process were during a phase, sampled twice a second. On a shared machine the
 * benchmark's figures mean little without it: another build taking half the cores halves the engine, and only a
 * ratio measured in the same seconds survives that.
 */
final class CpuSampler implements AutoCloseable {

    private final com.sun.management.OperatingSystemMXBean os;
    private final Thread thread;
    private volatile boolean running = true;
    private double machine;
    private double process;
    private int samples;

    CpuSampler() {
        os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean ? bean : null;
        thread = new Thread(this::sample, "bench-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running && os != null) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            double m = os.getCpuLoad();
            double p = os.getProcessCpuLoad();
            if (m >= 0 && p >= 0) {
                synchronized (this) {
                    machine += m;
                    process += p;
                    samples++;
                }
            }
        }
    }

    /** Stops sampling; the averages over the phase, as shares of all cores (NaN when nothing was sampled). */
    synchronized BenchResult.Load load() {
        running = false;
        thread.interrupt();
        return samples == 0 ? new BenchResult.Load(Double.NaN, Double.NaN)
                : new BenchResult.Load(machine / samples, process / samples);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
