package io.encore.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ./encore} command line. Each subcommand is one job a newcomer or operator runs; the bash
 * launcher at the repository root builds the project when needed and hands its arguments here.
 */
@Command(name = "encore", mixinStandardHelpOptions = true, version = "Encore 0.1.0-SNAPSHOT",
        description = "Event-streaming personalization for concert halls.",
        subcommands = {EncoreCli.Stack.class, EncoreCli.Demo.class},
        footer = {"", "Run './encore <command> --help' for the options of one command."})
public final class EncoreCli implements Runnable {

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

        @Option(names = "--data-dir", defaultValue = ".encore", description = "Broker data and logs (default: ${DEFAULT-VALUE}).")
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

        @Override
        public Integer call() throws Exception {
            return runStack(options, spec.commandLine().getOut(), title());
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

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run Encore on this machine. Today: the local stack (broker, registry, topics); "
                    + "the stream apps, simulator and web page join it as they are built.")
    static final class Demo extends StackCommand {

        @Override
        String title() {
            return "Encore demo";
        }
    }

    static int runStack(StackOptions options, PrintWriter out, String title) throws IOException, InterruptedException {
        if (options.reset) {
            Directories.deleteRecursively(options.dataDir);
            out.println("Reset: deleted " + options.dataDir);
        }
        out.println(title + ": starting (data in " + options.dataDir.toAbsolutePath() + ")");
        out.flush();
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
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("Stopping...");
            out.flush();
            stack.close();
            stopped.countDown();
        }, "encore-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printSummary(stack, out);
        stopped.await();
        return 0;
    }

    private static void printSummary(LocalStack stack, PrintWriter out) {
        out.println();
        out.printf("  %-34s %10s  %s%n", "topic", "partitions", "cleanup");
        for (TopicProvisioner.Provisioned topic : stack.topics()) {
            out.printf("  %-34s %10d  %s%s%n", topic.name(), topic.partitions(), topic.cleanupPolicy(),
                    topic.created() ? "" : "  (existing)");
        }
        out.println();
        out.println("  Kafka:           " + stack.bootstrapServers());
        out.println("  Schema registry: " + stack.registryUrl());
        out.println();
        out.println("Ready. Press Ctrl-C to stop.");
        out.flush();
    }
}
