package io.encore.runtime.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams client the way every Encore app should: topology logged once, state listener and
 * uncaught-exception handler set before {@code start()}, a shutdown hook that closes the client with a bound
 * and then whatever else was registered (the HTTP server), and an exit code that says whether the client
 * died. It never calls {@code cleanUp()}: local state survives restarts.
 *
 * <pre>{@code
 * StreamsRunner runner = new StreamsRunner(topology, properties);
 * HttpApi api = routes(runner.streams()).build();
 * runner.alsoClose(api);
 * api.start();
 * System.exit(runner.run());
 * }</pre>
 */
public final class StreamsRunner implements AutoCloseable {

    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    private static final long EXTRAS_CLOSE_MS = 5_000;

    private final KafkaStreams streams;
    private final Duration closeTimeout;
    private final StateWatcher watcher = new StateWatcher();
    private final List<AutoCloseable> extras = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeFinished = new CountDownLatch(1);

    public StreamsRunner(Topology topology, Properties properties) {
        this(topology, properties, DEFAULT_CLOSE_TIMEOUT);
    }

    public StreamsRunner(Topology topology, Properties properties, Duration closeTimeout) {
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        LOG.info("Topology:\n{}", topology.describe());
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener(watcher);
        streams.setUncaughtExceptionHandler(new ShutdownClientHandler());
    }

    /** The client, to build the routes and metrics that need it before {@link #run()}. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Closes {@code extra} after the client on shutdown, in registration order. */
    public StreamsRunner alsoClose(AutoCloseable extra) {
        synchronized (extras) {
            extras.add(Objects.requireNonNull(extra, "extra"));
        }
        return this;
    }

    /** Starts the client without blocking and installs the shutdown hook; once only. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The Kafka Streams client was already started");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "encore-streams-shutdown"));
        streams.start();
    }

    /** Blocks until the client is NOT_RUNNING or ERROR and returns the process exit code for that state. */
    public int awaitTermination() throws InterruptedException {
        KafkaStreams.State state = watcher.awaitTerminal();
        LOG.info("Kafka Streams client ended in state {}", state);
        return exitCode(state);
    }

    /** Starts, blocks until the client ends, closes everything and returns the exit code: 0 clean, 1 failed. */
    public int run() throws InterruptedException {
        start();
        try {
            return awaitTermination();
        } finally {
            close();
        }
    }

    /**
     * Closes the client, waiting at most the close timeout, then the extras. A later or concurrent call closes
     * nothing more but returns only once the first has finished: the shutdown hook and an owner (the launcher,
     * which stops the broker next) may both close, and whichever comes second must not run ahead.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitFirstClose();
            return;
        }
        try {
            if (!streams.close(closeTimeout)) {
                LOG.warn("Kafka Streams did not close within {}", closeTimeout);
            }
            List<AutoCloseable> toClose;
            synchronized (extras) {
                toClose = List.copyOf(extras);
            }
            for (AutoCloseable extra : toClose) {
                closeQuietly(extra);
            }
        } finally {
            closeFinished.countDown();
        }
    }

    private void awaitFirstClose() {
        try {
            // The first close is bounded by the close timeout, plus a little for the extras.
            if (!closeFinished.await(closeTimeout.toMillis() + EXTRAS_CLOSE_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Another close of the Kafka Streams client did not finish within {}", closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code for a terminal state: 0 after a clean shutdown, 1 when the client failed. */
    public static int exitCode(KafkaStreams.State terminalState) {
        if (terminalState == KafkaStreams.State.ERROR) {
            return 1;
        }
        if (terminalState == KafkaStreams.State.NOT_RUNNING) {
            return 0;
        }
        throw new IllegalArgumentException("Not a terminal state: " + terminalState);
    }

    private static void closeQuietly(AutoCloseable extra) {
        try {
            extra.close();
        } catch (Exception e) {
            // Shutting down: one failing resource must not keep the next from closing.
            LOG.warn("Could not close {}", extra, e);
        }
    }
}
