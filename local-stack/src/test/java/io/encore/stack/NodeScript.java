package io.encore.stack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Node project committed under {@code src/test/<name>} (package.json, package-lock.json, scripts), installed
 * with {@code npm ci} into {@code target/<dir>} and run there, its output streamed line by line as it comes.
 *
 * <p>Needs Node 20+ and npm on the PATH and the npm registry reachable; fails (never skips) without them. The
 * install is skipped while node_modules was installed from the same package.json and lock (a stamp inside
 * node_modules, which {@code npm ci} wipes first).
 */
final class NodeScript {

    static final int MIN_NODE_MAJOR = 20;
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final String STAMP = ".encore-installed-lock.sha256";
    private static final int KEPT_CHARS = 12_000;

    private final Path dir;

    private NodeScript(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code files} from {@code source} to {@code target} and installs the locked packages there. */
    static NodeScript install(Path source, Path target, List<String> files) throws IOException, InterruptedException {
        Files.createDirectories(target);
        for (String file : files) {
            Path from = source.resolve(file);
            if (!Files.isRegularFile(from)) {
                throw new AssertionError("missing " + from + " (the Node project's sources)");
            }
            Files.copy(from, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        requireNode(target);
        String lockHash = sha256(target.resolve("package.json"), target.resolve("package-lock.json"));
        Path stamp = target.resolve("node_modules").resolve(STAMP);
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(lockHash)) {
            Run npm = run(target, NPM_CI_TIMEOUT, List.of(npmCommand(), "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                    line -> { });
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm ci failed in " + target + ": " + npm.describe());
            }
            Files.writeString(stamp, lockHash + "\n", StandardCharsets.UTF_8);
        }
        return new NodeScript(target);
    }

    /** Runs {@code node <arguments>} in the install directory, handing each output line to {@code onLine}. */
    Run node(Duration timeout, List<String> arguments, Consumer<String> onLine) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        return run(dir, timeout, command, onLine);
    }

    /**
     * Runs a command with stdout and stderr merged and read as they come; kills it and its children after the
     * timeout.
     */
    private static Run run(Path workDir, Duration timeout, List<String> command, Consumer<String> onLine)
            throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    onLine.accept(line);
                    synchronized (output) {
                        output.append(line).append('\n');
                        if (output.length() > 2 * KEPT_CHARS) {
                            output.delete(0, output.length() - KEPT_CHARS);
                        }
                    }
                }
            } catch (IOException e) {
                onLine.accept("<reading the output failed: " + e + ">");
            }
        }, "node-output");
        reader.setDaemon(true);
        long started = System.nanoTime();
        reader.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        synchronized (output) {
            return new Run(command, finished ? process.exitValue() : -1, !finished, took, output.toString());
        }
    }

    /** Fails when node or npm is missing or too old: CI has them, so their absence is a broken machine. */
    private static void requireNode(Path workDir) throws InterruptedException {
        Run version = tool(workDir, "node", List.of("node", "--version"));
        String text = version.output().strip();
        int major;
        try {
            major = Integer.parseInt(text.replaceFirst("^v", "").split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new AssertionError("Cannot read the Node version from 'node --version': " + version.describe(), e);
        }
        if (major < MIN_NODE_MAJOR) {
            throw new AssertionError("Node " + MIN_NODE_MAJOR + " or newer is needed on the PATH; found " + text);
        }
        tool(workDir, "npm", List.of(npmCommand(), "--version"));
    }

    private static Run tool(Path workDir, String tool, List<String> command) throws InterruptedException {
        Run run;
        try {
            run = run(workDir, Duration.ofSeconds(30), command, line -> { });
        } catch (UncheckedIOException e) {
            throw new AssertionError("'" + tool + "' (Node " + MIN_NODE_MAJOR + "+ with npm) is needed on the PATH, "
                    + "and it could not be started: " + e.getCause().getMessage(), e);
        }
        if (run.exitCode() != 0) {
            throw new AssertionError("A working '" + tool + "' is needed on the PATH; " + run.describe());
        }
        return run;
    }

    private static String npmCommand() {
        return windows() ? "npm.cmd" : "npm";
    }

    private static File nullDevice() {
        return new File(windows() ? "NUL" : "/dev/null");
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static String sha256(Path... files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A finished run: how it ended and the last of its output (stdout and stderr merged). */
    record Run(List<String> command, int exitCode, boolean timedOut, Duration took, String output) {

        String describe() {
            String tail = output.length() <= KEPT_CHARS ? output
                    : "[... " + (output.length() - KEPT_CHARS) + " chars cut ...]\n" + output.substring(output.length() - KEPT_CHARS);
            return "`" + String.join(" ", command) + "` "
                    + (timedOut ? "was killed after " + took.toSeconds() + " s" : "exited " + exitCode + " after " + took.toMillis() + " ms")
                    + "\n--- output ---\n" + tail;
        }
    }
}
