package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The newcomer's commands, as real processes: {@code ./encore stack} comes up and lists every topic,
 * {@code ./encore demo} also runs the sinks in a Connect worker against the channel stand-ins, and on SIGTERM
 * (what Ctrl-C's SIGINT also triggers) each stops everything, its registry and Redis children included.
 */
class LauncherIT {

    private static final Logger LOG = LoggerFactory.getLogger(LauncherIT.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** The simulator's guests write from these domains ({@code Names.MAIL_DOMAINS}). */
    private static final Pattern GUEST_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.(com|org|net)");

    private final Path workDir = createWorkDir();
    private Process launcher;

    @AfterEach
    void cleanUp() throws IOException {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        Directories.deleteRecursively(workDir);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldListEveryTopicAndLeaveNoProcessBehindWhenStopped() throws Exception {
        // given: the built jars (package phase ran before this IT) and free ports
        ProcessBuilder command = new ProcessBuilder(launcherScript().toString(), "stack",
                "--host", "127.0.0.1",
                "--kafka-port", Integer.toString(Ports.free("127.0.0.1")),
                "--controller-port", Integer.toString(Ports.free("127.0.0.1")),
                "--registry-port", Integer.toString(Ports.free("127.0.0.1")))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        command.environment().put("ENCORE_NO_BUILD", "1");

        // when
        launcher = command.start();
        List<String> output = readUntilReady(launcher);

        // then: every catalogue topic is listed, and the data went to .encore in the working directory
        assertThat(output).as(String.join("\n", output)).anyMatch(line -> line.startsWith("Ready."));
        for (String topic : catalogueTopicNames()) {
            assertThat(output).as("topic %s listed", topic).anyMatch(line -> line.trim().startsWith(topic + " "));
        }
        assertThat(workDir.resolve(".encore").resolve("kafka")).isDirectory();
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("the registry runs as a child process").isNotEmpty();

        // when: stopped as a terminal's Ctrl-C or a service manager would
        launcher.destroy();

        // then
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %s still running", child.pid()).isFalse();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldRunTheSinksOnTheStandInsAndLeaveNoProcessBehindWhenTheDemoStops() throws Exception {
        // given: free ports for everything the demo starts
        List<String> arguments = new ArrayList<>(List.of(launcherScript().toString(), "demo", "--host", "127.0.0.1",
                "--guests", "500"));
        for (String option : List.of("--kafka-port", "--controller-port", "--registry-port", "--profile-port",
                "--scoring-port", "--connect-port", "--smtp-port", "--ads-port", "--redis-port", "--web-port")) {
            arguments.add(option);
            arguments.add(Integer.toString(Ports.free("127.0.0.1")));
        }
        ProcessBuilder command = new ProcessBuilder(arguments).directory(workDir.toFile()).redirectErrorStream(true);
        command.environment().put("ENCORE_NO_BUILD", "1");

        // when
        long started = System.nanoTime();
        launcher = command.start();
        List<String> output = readUntilReady(launcher);
        LOG.info("./encore demo ready in {} s", String.format("%.1f", (System.nanoTime() - started) / 1e9));

        // then: the worker runs every sink, and the summary says where each stand-in listens
        String all = String.join("\n", output);
        assertThat(output).as(all).anyMatch(line -> line.startsWith("Ready."));
        assertThat(output).as(all).anyMatch(line -> line.contains("Kafka Connect worker ready"))
                .anyMatch(line -> line.contains("Sinks running: encore-email-sink, encore-ads-sink, encore-web-sink"));
        assertThat(all).contains("E-mail (SMTP):", "Ad platform:", "Web lists:", "redis://127.0.0.1:");
        List<ProcessHandle> children = launcher.descendants().toList();
        assertThat(children).as("registry and redis-server run as child processes").hasSizeGreaterThanOrEqualTo(2);

        // when: the simulated hall runs a while (guests browse, campaigns e-mail them), then the demo is stopped
        // as a terminal's Ctrl-C or a service manager would
        Thread.sleep(10_000);
        launcher.destroy();

        // then
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %s still running", child.pid()).isFalse();
        }
        // and no log line, console or file, carries a guest's e-mail address (the simulator's guests have them)
        Path logFile = workDir.resolve(".encore/logs/stack.log");
        assertThat(logFile).exists();
        List<String> logged = new ArrayList<>(Files.readAllLines(logFile, StandardCharsets.UTF_8));
        logged.addAll(output);
        assertThat(logged).as("log lines with a guest's e-mail address")
                .noneMatch(line -> GUEST_EMAIL.matcher(line).find());
        LOG.info("{} log lines checked: no e-mail address", logged.size());
    }

    private static Path launcherScript() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("encore");
    }

    private static List<String> catalogueTopicNames() {
        TopicCatalogue catalogue = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of("mock://launcher-it")), true));
        return catalogue.all().stream().map(topic -> topic.name()).toList();
    }

    private static List<String> readUntilReady(Process process) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Ready.") || line.contains("✘")) {
                break;
            }
        }
        return lines;
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("encore-launcher-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
