package io.encore.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./encore demo} as a real process, as a newcomer runs it: every port free and chosen by the test, its
 * data in a directory of the test's, the jars Maven built in the {@code package} phase ({@code ENCORE_NO_BUILD}).
 * Its output is read on a thread of its own for as long as it runs, so a chatty demo never blocks on a full pipe,
 * and the last lines are kept for failure messages.
 */
final class DemoProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final List<String> PORT_OPTIONS = List.of("--kafka-port", "--controller-port", "--registry-port",
            "--profile-port", "--scoring-port", "--connect-port", "--smtp-port", "--ads-port", "--redis-port", "--web-port");
    private static final int KEPT_LINES = 400;
    private static final Pattern ENDPOINT = Pattern.compile("^\\s*([A-Za-z -]+):\\s+(\\S+)");

    private final Process process;
    private final Deque<String> lines = new ArrayDeque<>();
    private List<String> summary = List.of();
    private boolean ready;
    private boolean ended;

    private DemoProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code ./encore demo} with its data in {@code dataDir}, each port a free one, in {@code workDir}. */
    static DemoProcess start(Path launcher, Path workDir, Path dataDir) {
        // The browser test feeds its own guests; the simulated audience would crowd their rows.
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "demo", "--host", HOST, "--no-simulator",
                "--data-dir", dataDir.toAbsolutePath().toString()));
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < PORT_OPTIONS.size()) {
            ports.add(Ports.free(HOST)); // distinct: the OS may hand out a just-closed port again
        }
        List<Integer> chosen = List.copyOf(ports);
        for (int i = 0; i < PORT_OPTIONS.size(); i++) {
            command.add(PORT_OPTIONS.get(i));
            command.add(Integer.toString(chosen.get(i)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("ENCORE_NO_BUILD", "1");
        DemoProcess demo;
        try {
            demo = new DemoProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
        Thread reader = new Thread(demo::readOutput, "encore-demo-output");
        reader.setDaemon(true);
        reader.start();
        return demo;
    }

    /**
     * Waits for the demo's "Ready." line.
     *
     * @throws AssertionError with the demo's output when it failed to start, ended, or took longer than {@code within}
     */
    synchronized void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ready && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("./encore demo did not print 'Ready.' within " + within.toSeconds() + " s:\n"
                        + output());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (!ready) {
            throw new AssertionError("./encore demo ended before it was ready:\n" + output());
        }
    }

    /** An address from the demo's summary, e.g. {@code endpoint("Web app")} → {@code http://127.0.0.1:41234/}. */
    synchronized String endpoint(String label) {
        for (String line : summary) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find() && matcher.group(1).trim().equals(label)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("./encore demo's summary has no '" + label + ":' line:\n" + output());
    }

    /** The last lines the demo printed. */
    synchronized String output() {
        return String.join("\n", lines);
    }

    /** The launcher's child processes (registry, Redis) as they are now. */
    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /**
     * Stops the demo as Ctrl-C or a service manager would (SIGTERM) and waits for it to end.
     *
     * @return whether it ended within {@code within}
     */
    boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills whatever is left (after a failed test): children first, so none is orphaned. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                keep(line);
            }
        } catch (IOException e) {
            keep("<reading the demo's output failed: " + e + ">");
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void keep(String line) {
        lines.addLast(line);
        if (lines.size() > KEPT_LINES) {
            lines.removeFirst();
        }
        if (line.startsWith("Ready.")) {
            ready = true;
            summary = List.copyOf(lines);
        }
        if (line.contains("✘")) {
            ended = true; // a start failure: the launcher exits next; say so now rather than at the deadline
        }
        notifyAll();
    }
}
