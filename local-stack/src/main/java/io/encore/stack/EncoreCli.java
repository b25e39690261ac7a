package io.encore.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.streams.StreamsApp;
import io.encore.scoring.ScoringStreamApp;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.simulator.Simulation;
import io.encore.simulator.SimulatorCli;
import io.encore.simulator.kafka.KafkaSettings;
import io.encore.stack.bench.BenchCommand;
import io.encore.stack.standin.LocalSmtp;
import io.encore.web.WebApp;
import io.encore.web.config.WebConfig;
import io.encore.web.operator.Outbox;

/**
 * The {@code ./encore} command line. Each subcommand is one job a newcomer or operator runs; the bash
 * launcher at the repository root builds the project when needed and hands its arguments here.
 */
@Command(name = "encore", mixinStandardHelpOptions = true, version = "Encore 0.1.0-SNAPSHOT",
        description = "Event-streaming personalization for concert halls.",
        subcommands = {EncoreCli.Stack.class, EncoreCli.Demo.class, SimulatorCli.class, ImportCommand.class,
                EvaluateCommand.class, BenchCommand.class},
        footer = {"", "Run './encore <command> --help' for the options of one command."})
public final class EncoreCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EncoreCli.class);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EncoreCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where and how the local stack runs; every port is configurable. */
    static final class StackOptions {

        @Option(names = "--host", defaultValue = "localhost", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
        int controllerPort;

        @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Option(names = "--data-dir", defaultValue = ".encore",
                description = "Data of the broker, registry, Redis and sinks, and the logs (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of every topic name (default: none).")
        String topicPrefix;

        @Option(names = "--registry-runner", description = "The registry's runnable jar (default: from ./encore).",
                defaultValue = "${sys:encore.registry.runner:-local-stack/registry/target/encore-registry-server-0.1.0-SNAPSHOT-runner.jar}")
        Path registryRunner;

        @Option(names = "--reset", description = "Delete the data directory first and start from empty.")
        boolean reset;

        LocalStack.Settings settings() {
            return new LocalStack.Settings(host, kafkaPort, controllerPort, registryPort, dataDir, registryRunner,
                    topicPrefix);
        }
    }

    /** What {@code stack} and {@code demo} share: the stack's options and running it until Ctrl-C. */
    abstract static class StackCommand implements Callable<Integer> {

        @Mixin
        StackOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract String title();

        /** Fails with the option's name when one of the command's own ports is taken, before anything starts. */
        void requireFreePorts() {
        }

        /** The apps to run on the stack once it is up, closed in reverse order before it stops. */
        Started startApps(LocalStack stack, PrintWriter out) {
            return new Started(List.of(), List.of());
        }

        @Override
        public Integer call() throws Exception {
            return runStack(options, spec.commandLine().getOut(), title(), this::requireFreePorts, this::startApps);
        }
    }

    @Command(name = "stack", mixinStandardHelpOptions = true,
            description = "Start the local Kafka broker and schema registry, create every topic, and wait for Ctrl-C.")
    static final class Stack extends StackCommand {

        @Override
        String title() {
            return "Encore local stack";
        }
    }

    /**
     * What a command started on the stack: closed in reverse order before the stack stops, and where to reach it.
     *
     * @param endpoints summary lines, {@code label: where}
     */
    record Started(List<AutoCloseable> running, List<String> endpoints) {
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run Encore on this machine: the local stack (broker, registry, topics), both stream apps "
                    + "with their HTTP APIs (profile-stream, scoring-stream), local stand-ins for the channels (an "
                    + "SMTP server that keeps every e-mail, an ad platform's audience API, Redis) and a Kafka Connect "
                    + "worker running the e-mail, ad audience, web and print sinks aimed at them, and the web app on "
                    + "--web-port: the concert hall's front page as any guest sees it and the operator's view, and a "
                    + "simulated audience that answers what Encore shows it (--no-simulator to feed it yourself). "
                    + "Nothing leaves the machine.")
    static final class Demo extends StackCommand {

        @Option(names = "--profile-port", defaultValue = "7070",
                description = "HTTP port of profile-stream's API (default: ${DEFAULT-VALUE}).")
        int profilePort;

        @Override
        String title() {
            return "Encore demo";
        }

        @Option(names = "--scoring-port", defaultValue = "7071",
                description = "HTTP port of scoring-stream's API (default: ${DEFAULT-VALUE}).")
        int scoringPort;

        @Option(names = "--connect-port", defaultValue = "8083",
                description = "REST port of the Kafka Connect worker (default: ${DEFAULT-VALUE}).")
        int connectPort;

        @Option(names = "--smtp-port", defaultValue = "2525",
                description = "Port of the local SMTP server that keeps the e-mails (default: ${DEFAULT-VALUE}).")
        int smtpPort;

        @Option(names = "--ads-port", defaultValue = "8084",
                description = "HTTP port of the local ad platform stand-in (default: ${DEFAULT-VALUE}).")
        int adsPort;

        @Option(names = "--redis-port", defaultValue = "6379",
                description = "Port of the local Redis the web sink writes to (default: ${DEFAULT-VALUE}).")
        int redisPort;

        @Option(names = "--web-port", defaultValue = "8080",
                description = "HTTP port of the web app: the guest's front page and the operator's view (default: ${DEFAULT-VALUE}).")
        int webPort;

        @Option(names = "--guests", defaultValue = "2000",
                description = "Guests of the simulated concert hall (default: ${DEFAULT-VALUE}).")
        int guests;

        @Option(names = "--acceleration", defaultValue = "3600",
                description = "Simulated seconds per second (default: ${DEFAULT-VALUE}, an hour a second).")
        double acceleration;

        @Option(names = "--rate", defaultValue = "400",
                description = "Most events a second the simulator sends (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--history-years", defaultValue = "0",
                description = "Years of ticket history the simulator writes before going live, on the first start only "
                        + "(default: ${DEFAULT-VALUE}; each year takes minutes on a laptop while the apps read it).")
        int historyYears;

        @Option(names = "--no-simulator", description = "Run the engine without the simulated audience (feed it yourself).")
        boolean noSimulator;

        /** The simulated hall's holdout: a fifth of a few thousand guests, so uplift is readable within minutes. */
        static final double DEMO_HOLDOUT_SHARE = 0.2;

        @Option(names = "--plugin-path", description = "The Connect worker's plugin.path (default: from ./encore).",
                defaultValue = "${sys:encore.connect.plugin.path:-local-stack/target/connect-plugins}")
        Path pluginPath;

        @Override
        void requireFreePorts() {
            Ports.require(options.host, profilePort, "--profile-port");
            Ports.require(options.host, scoringPort, "--scoring-port");
            Ports.require(options.host, connectPort, "--connect-port");
            Ports.require(options.host, smtpPort, "--smtp-port");
            Ports.require(options.host, adsPort, "--ads-port");
            Ports.require(options.host, redisPort, "--redis-port");
            Ports.require(options.host, webPort, "--web-port");
        }

        @Override
        Started startApps(LocalStack stack, PrintWriter out) {
            List<AutoCloseable> apps = new ArrayList<>();
            try {
                long started = System.nanoTime();
                StreamsApp profile = ProfileStreamApp.create(ProfileStreamConfig.load(null, System.getenv(),
                        appSettings(stack, "profile-stream", profilePort))).start();
                apps.add(profile);
                report(out, "profile-stream", profile.httpPort(), started);
                started = System.nanoTime();
                Map<String, Object> scoringSettings = appSettings(stack, "scoring-stream", scoringPort);
                if (!noSimulator) {
                    // the simulated audience lives a day in 24 s (at an hour a second): the experiment's unit follows
                    // its clock, so the bandit and the holdout's uplift learn from exposures of one simulated day;
                    // and a hall of a few thousand guests needs a larger holdout than 5 % for the uplift's
                    // interval to narrow within minutes
                    scoringSettings.put(ScoringStreamConfig.EXPOSURE_WINDOW_MS_CONFIG,
                            Math.max(1_000L, Math.round(Duration.ofDays(1).toMillis() / acceleration)));
                    scoringSettings.put(ScoringStreamConfig.HOLDOUT_SHARE_CONFIG, DEMO_HOLDOUT_SHARE);
                }
                StreamsApp scoring = ScoringStreamApp.create(ScoringStreamConfig.load(null, System.getenv(),
                        scoringSettings)).start();
                apps.add(scoring);
                report(out, "scoring-stream", scoring.httpPort(), started);
                LocalChannels channels = LocalChannels.start(new LocalChannels.Settings(options.host, connectPort,
                        smtpPort, adsPort, redisPort, options.dataDir, pluginPath, site()), stack, step -> {
                            out.println("  ✔ " + step);
                            out.flush();
                        });
                apps.add(channels);
                started = System.nanoTime();
                WebApp web = WebApp.create(WebConfig.load(null, System.getenv(), webSettings(stack, profile, scoring,
                        channels)), outbox(channels.smtp()), channels.ads()::audienceSizes).start();
                apps.add(web);
                report(out, "web app", web.port(), started);
                if (!noSimulator) {
                    apps.add(startSimulation(stack, out));
                }
                return new Started(apps, endpoints(profile, scoring, channels, web));
            } catch (RuntimeException | LinkageError e) {
                closeAll(apps); // what started before the failure stops with it
                throw e;
            }
        }

        /**
         * The simulated concert hall, producing to the stack and answering what Encore shows its guests. With
         * {@code --history-years}, ticket history first, once per data directory (a marker remembers it: the same
         * history again would be older than profile-stream's de-duplication horizon and only fill the dead-letter
         * topic), then live.
         */
        private Simulation startSimulation(LocalStack stack, PrintWriter out) {
            long started = System.nanoTime();
            Path marker = options.dataDir.resolve("simulator").resolve("history-written");
            boolean history = historyYears > 0 && !Files.exists(marker);
            Simulation simulation = Simulation.builder().seed(42).guests(guests).startDate(LocalDate.now())
                    .historyYears(history ? historyYears : 0).acceleration(acceleration).maxEventsPerSecond(rate)
                    .kafka(KafkaSettings.of(stack.bootstrapServers(), stack.registryUrl(), options.topicPrefix))
                    .build().start();
            if (history) { // written once started: a stop during the history does not write it again either
                try {
                    Files.createDirectories(marker.getParent());
                    Files.writeString(marker, Instant.now() + "\n");
                } catch (IOException e) {
                    LOG.warn("Cannot write {}: the next start writes the history again", marker, e);
                }
            }
            out.printf("  ✔ simulator started: %,d guests, %,d concerts, %s (%.1f s)%n", guests,
                    simulation.season().concerts().size(), history ? historyYears + " year(s) of history first, then live"
                            : "live", (System.nanoTime() - started) / 1e9);
            out.flush();
            return simulation;
        }

        /** Where the guests' browsers reach the web app, and so where the e-mails' tracking links point. */
        private URI site() {
            return URI.create("http://" + options.host + ":" + webPort);
        }

        /** The web app's settings: the stack, the apps' APIs and the Redis the web sink writes. */
        private Map<String, Object> webSettings(LocalStack stack, StreamsApp profile, StreamsApp scoring,
                                                LocalChannels channels) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
            settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, options.topicPrefix);
            settings.put(WebConfig.HTTP_HOST_CONFIG, options.host);
            settings.put(WebConfig.HTTP_PORT_CONFIG, webPort);
            settings.put(WebConfig.REDIS_URL_CONFIG, channels.redis().url());
            settings.put(WebConfig.PROFILE_URL_CONFIG, "http://" + options.host + ":" + profile.httpPort());
            settings.put(WebConfig.SCORING_URL_CONFIG, "http://" + options.host + ":" + scoring.httpPort());
            return settings;
        }

        /** The SMTP capture as the web app's outbox; the page shows the send id, never the address. */
        private static Outbox outbox(LocalSmtp smtp) {
            return limit -> smtp.latest(limit).stream()
                    .map(email -> new Outbox.Message(email.sendId(), null, email.subject(), email.html(), email.sentAt()))
                    .toList();
        }

        private List<String> endpoints(StreamsApp profile, StreamsApp scoring, LocalChannels channels, WebApp web) {
            String host = options.host;
            return List.of(
                    "Web app:         http://" + host + ":" + web.port() + "/  (the guest's front page; operator view at /operator)",
                    "profile-stream:  http://" + host + ":" + profile.httpPort() + "  (curl " + host + ":" + profile.httpPort() + "/segments)",
                    "scoring-stream:  http://" + host + ":" + scoring.httpPort() + "  (curl " + host + ":" + scoring.httpPort() + "/models)",
                    "                 no bearer tokens in the demo (" + BearerAuth.ENABLED_CONFIG + "=false): keep --host private",
                    "Kafka Connect:   " + channels.connect().url() + "  (curl '" + channels.connect().url()
                            + "/connectors?expand=status'): " + String.join(", ", channels.connectors()),
                    "E-mail (SMTP):   " + host + ":" + channels.smtp().port() + "  (kept in memory, never delivered)",
                    "Ad platform:     " + channels.ads().baseUrl() + "/audiences  (Authorization: Bearer "
                            + LocalChannels.ADS_TOKEN + ")",
                    "Web lists:       " + channels.redis().url() + "  (keys encore:web:set:<guest id or alias>)");
        }

        /**
         * One app's settings on the stack: its own state directory and HTTP port, and no bearer tokens, overriding
         * the environment.
         */
        private Map<String, Object> appSettings(LocalStack stack, String app, int port) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
            settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, options.topicPrefix);
            settings.put("state.dir", options.dataDir.resolve("state").resolve(app).toAbsolutePath().toString());
            settings.put(ProfileStreamConfig.HTTP_HOST_CONFIG, options.host);
            settings.put(ProfileStreamConfig.HTTP_ADVERTISED_HOST_CONFIG, options.host);
            settings.put(ProfileStreamConfig.HTTP_PORT_CONFIG, port);
            // The demo is the one exception to tokens on: everything listens on --host (localhost by default),
            // its web app has no login of its own, and a newcomer's curl should just work.
            settings.put(BearerAuth.ENABLED_CONFIG, false);
            return settings;
        }

        private void report(PrintWriter out, String app, int port, long startedNanos) {
            out.printf("  ✔ %s started, API on http://%s:%d (%.1f s)%n", app, options.host, port,
                    (System.nanoTime() - startedNanos) / 1e9);
            out.flush();
        }
    }

    static int runStack(StackOptions options, PrintWriter out, String title, Runnable requireFreePorts,
                        BiFunction<LocalStack, PrintWriter, Started> apps)
            throws IOException, InterruptedException {
        if (options.reset) {
            Directories.deleteRecursively(options.dataDir);
            out.println("Reset: deleted " + options.dataDir);
        }
        out.println(title + ": starting (data in " + options.dataDir.toAbsolutePath() + ")");
        out.flush();
        try {
            requireFreePorts.run(); // the stack's own ports are checked as it starts
        } catch (IllegalStateException e) {
            out.println("  ✘ " + e.getMessage());
            out.flush();
            return 1;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(options.settings(), step -> {
                out.println("  ✔ " + step);
                out.flush();
            });
        } catch (IllegalStateException e) {
            out.println("  ✘ " + e.getMessage());
            out.flush();
            return 1;
        }
        List<AutoCloseable> running = new ArrayList<>();
        List<String> endpoints;
        try {
            Started started = apps.apply(stack, out);
            running.addAll(started.running());
            endpoints = started.endpoints();
        } catch (RuntimeException | LinkageError e) {
            out.println("  ✘ " + e);
            out.flush();
            LOG.error("Could not start the apps", e);
            closeAll(running);
            stack.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("Stopping...");
            out.flush();
            closeAll(running);
            stack.close();
            stopped.countDown();
        }, "encore-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printSummary(stack, endpoints, out);
        stopped.await();
        return 0;
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly", running.get(i), e);
            }
        }
    }

    private static void printSummary(LocalStack stack, List<String> endpoints, PrintWriter out) {
        out.println();
        out.printf("  %-34s %10s  %s%n", "topic", "partitions", "cleanup");
        for (TopicProvisioner.Provisioned topic : stack.topics()) {
            out.printf("  %-34s %10d  %s%s%n", topic.name(), topic.partitions(), topic.cleanupPolicy(),
                    topic.created() ? "" : "  (existing)");
        }
        out.println();
        out.println("  Kafka:           " + stack.bootstrapServers());
        out.println("  Schema registry: " + stack.registryUrl());
        endpoints.forEach(line -> out.println("  " + line));
        out.println();
        out.println("Ready. Press Ctrl-C to stop.");
        out.flush();
    }
}
