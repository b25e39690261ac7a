package io.encore.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.importer.ConsumerCatchUp;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.behaviour.EventClock;
import io.encore.simulator.behaviour.Feedback;
import io.encore.simulator.behaviour.FeedbackSource;
import io.encore.simulator.behaviour.LoopStats;
import io.encore.simulator.behaviour.ReferenceData;
import io.encore.simulator.behaviour.World;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Season;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.history.HistoryGenerator;
import io.encore.simulator.kafka.KafkaFeedback;
import io.encore.simulator.kafka.KafkaSettings;
import io.encore.simulator.kafka.KafkaSink;
import io.encore.simulator.output.CountingSink;
import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.MemorySink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.RateLimitedSink;

/**
 * A simulated concert hall, for the demo and for offline evaluation. Built from a seed, it holds a season (and
 * the seasons before it when history is asked for), an audience with hidden tastes, and the world that makes
 * them act. {@link #start()} runs it in a background thread at an accelerated clock, answering what Encore
 * publishes; {@link #runFor(Duration)} runs it synchronously, as fast as it goes. {@link #affinity} is the
 * ground truth a recommendation can be judged by.
 *
 * <pre>{@code
 * try (Simulation hall = Simulation.builder().seed(7).guests(20_000)
 *         .kafka(KafkaSettings.of("localhost:9092", "http://localhost:8081/apis/ccompat/v7", "")).build().start()) {
 *     ...
 * }
 * }</pre>
 */
public final class Simulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final long STEP_WALL_MILLIS = 100;

    private final Settings settings;
    private final Programme programme;
    private final Audience audience;
    private final Inventory inventory;
    private final CountingSink counted;
    private final World world;
    private final FeedbackSource feedbackSource;
    private final KafkaSettings kafka;
    private final ConcurrentLinkedQueue<Feedback> feedback = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long simulatedMillis;
    private volatile boolean stopping;
    private volatile boolean finished;
    private boolean prepared;
    private Thread runner;

    /** What a simulation is built from; see {@link Builder} for the meaning and defaults. */
    record Settings(long seed, int guests, int concerts, LocalDate startDate, int historyYears, double acceleration,
                    double maxEventsPerSecond, int newsletterEveryDays, Duration historySettle) {
    }

    private Simulation(Settings settings, EventSink sink, FeedbackSource feedbackSource, EventClock clock, KafkaSettings kafka) {
        this.settings = settings;
        this.feedbackSource = feedbackSource;
        this.kafka = kafka;
        Taxonomy taxonomy = Taxonomy.standard();
        this.programme = Programme.generate(taxonomy, settings.seed(), settings.startDate(), settings.concerts(), settings.historyYears());
        Instant start = programme.current().start();
        this.audience = Audience.generate(taxonomy, settings.seed(), settings.guests(), start);
        this.inventory = new Inventory(programme, settings.guests());
        this.counted = new CountingSink(sink);
        EventSink live = settings.maxEventsPerSecond() > 0 ? new RateLimitedSink(counted, settings.maxEventsPerSecond()) : counted;
        World.Settings world = new World.Settings(settings.seed(), 6, settings.newsletterEveryDays(), Duration.ofHours(6));
        this.world = new World(programme, audience, inventory, world, live, clock, start);
        this.simulatedMillis = start.toEpochMilli();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The current season (the one the live simulation plays in). */
    public Season season() {
        return programme.current();
    }

    /** The current season and, with history, the seasons before it. */
    public Programme programme() {
        return programme;
    }

    public Audience audience() {
        return audience;
    }

    /**
     * The ground truth: how well a concert fits the hidden taste of the guest an identifier belongs to
     * ({@code GUEST_ID:g-000017}, {@code COOKIE:…}, any alias), in [0, 1]; empty for an unknown guest or concert.
     */
    public OptionalDouble affinity(String identifierKey, String concertId) {
        Optional<Guest> guest = audience.byIdentifier(identifierKey);
        Optional<ConcertPlan> concert = programme.byId(concertId);
        return guest.isPresent() && concert.isPresent()
                ? OptionalDouble.of(guest.get().affinity(concert.get()))
                : OptionalDouble.empty();
    }

    /** Starts the simulation in a background thread, paced by the wall clock times the acceleration. */
    public synchronized Simulation start() {
        if (runner != null) {
            throw new IllegalStateException("the simulation is already started");
        }
        if (feedbackSource != null) {
            feedbackSource.start(feedback::add);
        }
        runner = new Thread(this::runPaced, "encore-simulator");
        runner.setDaemon(true);
        runner.start();
        return this;
    }

    /** Runs {@code simulated} of simulated time in the calling thread, unpaced (offline use; not with {@link #start}). */
    public synchronized void runFor(Duration simulated) {
        if (runner != null) {
            throw new IllegalStateException("runFor is for simulations that are not started");
        }
        prepare();
        drainFeedback();
        world.runUntil(Math.min(world.now() + simulated.toMillis(), programme.end().toEpochMilli()));
        simulatedMillis = world.now();
    }

    /** Hands the simulation something Encore published; applied before the next step. */
    public void feedback(Feedback published) {
        feedback.add(Objects.requireNonNull(published, "published"));
    }

    private void runPaced() {
        try {
            prepare();
            long wallStart = System.nanoTime();
            long simStart = world.now();
            long end = programme.end().toEpochMilli();
            while (!stopping) {
                drainFeedback();
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);
                long target = simStart + (long) (elapsedMillis * settings.acceleration());
                target = Math.min(Math.min(target, world.now() + (long) (STEP_WALL_MILLIS * settings.acceleration())), end);
                world.runUntil(target);
                simulatedMillis = world.now();
                if (simulatedMillis >= end) {
                    LOG.info("The season is over at {}", Instant.ofEpochMilli(simulatedMillis));
                    break;
                }
                Thread.sleep(20);
            }
            counted.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The simulation stopped", e);
            failure.compareAndSet(null, e);
        } finally {
            finished = true;
        }
    }

    /**
     * Publishes the catalogue, writes the reference data — with the history at its historic times, without it
     * stamped as of now — and schedules the guests.
     */
    private void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        world.publishCatalogue();
        if (settings.historyYears() > 0) {
            writeHistory();
        } else {
            Instant now = world.stamp(world.now());
            for (Guest guest : audience.guests()) {
                ReferenceData.restamped(settings.seed(), guest, now).forEach(counted::accept);
            }
        }
        world.begin();
    }

    /**
     * The history in time order. With Kafka, every stretch of 25 days of event time waits until Encore's
     * consumers have read the stretch before: Kafka Streams may take the records of different topics out of
     * order, and profile-stream rejects events more than 30 days older than the newest it has seen.
     */
    private void writeHistory() {
        Instant to = programme.current().start();
        Instant from = programme.start();
        HistoryGenerator generator = new HistoryGenerator(programme, audience, inventory, settings.seed());
        HistoryGenerator.Summary history;
        if (kafka == null) {
            history = generator.run(from, to, counted, world::historicalPurchase);
        } else {
            try (ConsumerCatchUp catchUp = new ConsumerCatchUp(kafka.clientSettings(), historyTopics(kafka))) {
                history = generator.run(from, to, counted, world::historicalPurchase, at -> {
                    counted.flush();
                    awaitQuietly(catchUp);
                    drainFeedback(); // what Encore publishes meanwhile must not pile up in memory
                });
            }
        }
        LOG.info("History from {} to {}: {} purchases, {} refunds, {} reference records", from, to, history.purchases(),
                history.refunds(), history.referenceRecords());
    }

    private void awaitQuietly(ConsumerCatchUp catchUp) {
        try {
            catchUp.await(settings.historySettle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Encore read the history", e);
        }
    }

    private static List<String> historyTopics(KafkaSettings kafka) {
        return Stream.of(OutputTopic.TICKET_SALES, OutputTopic.IDENTITY_LINKS, OutputTopic.GUEST_CONSENTS,
                OutputTopic.GUEST_CONTACTS, OutputTopic.MARKET_SPEND).map(t -> kafka.topicPrefix() + t.logicalName()).toList();
    }

    private void drainFeedback() {
        Feedback next;
        while ((next = feedback.poll()) != null) {
            world.apply(next);
        }
    }

    /** Records produced so far, per topic. */
    public Map<OutputTopic, Long> counts() {
        return counted.counts();
    }

    public long totalRecords() {
        return counted.total();
    }

    /** The simulator's own measurements of the loop against the hidden truth. */
    public LoopStats.Snapshot stats() {
        return world.stats().snapshot();
    }

    public Instant simulatedTime() {
        return Instant.ofEpochMilli(simulatedMillis);
    }

    /** True once the background run ended: the season is over, it was closed, or it failed. */
    public boolean finished() {
        return finished;
    }

    public Optional<Throwable> failure() {
        Throwable own = failure.get();
        if (own == null && feedbackSource instanceof KafkaFeedback kafka) {
            return kafka.failure().map(Throwable.class::cast);
        }
        return Optional.ofNullable(own);
    }

    /** Waits for the background run to end by itself; true when it did within {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        Thread thread = runner;
        if (thread != null) {
            thread.join(Math.max(1, timeout.toMillis()));
        }
        return finished;
    }

    @Override
    public synchronized void close() {
        stopping = true;
        try {
            if (runner != null) {
                runner.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (feedbackSource != null) {
                feedbackSource.close();
            }
            counted.close();
        }
    }

    /**
     * Builds a simulation. Defaults: seed 42, 20,000 guests, 420 concerts a season, the season starting today
     * (in the hall's time zone), no history, one simulated hour per wall-clock second, at most 1,000 records a
     * second with Kafka (no cap otherwise), a newsletter every 7 simulated days, records kept in memory.
     */
    public static final class Builder {

        private long seed = 42;
        private int guests = 20_000;
        private int concerts = 420;
        private LocalDate startDate = LocalDate.now(Season.HALL_ZONE);
        private int historyYears;
        private double acceleration = 3600;
        private Double maxEventsPerSecond;
        private int newsletterEveryDays = 7;
        private EventSink sink;
        private FeedbackSource feedback;
        private EventClock clock;
        private KafkaSettings kafka;
        private Duration historySettle = Duration.ofMinutes(3);

        private Builder() {
        }

        /**
         * With Kafka and history: how long to wait at most for Encore's consumers to read each 25-day stretch of the
         * history before the next (default 3 minutes; a stretch read at once takes a quarter of a second).
         */
        public Builder historySettle(Duration value) {
            historySettle = Objects.requireNonNull(value, "historySettle");
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder guests(int value) {
            guests = value;
            return this;
        }

        /** Concerts per season (the hall has 400 and more; fewer are allowed for small tests). */
        public Builder concerts(int value) {
            concerts = value;
            return this;
        }

        public Builder startDate(LocalDate value) {
            startDate = Objects.requireNonNull(value, "startDate");
            return this;
        }

        /** Years of ticket sales before the start date, written before the live run. */
        public Builder historyYears(int value) {
            historyYears = value;
            return this;
        }

        /** Simulated seconds per wall-clock second (3600: an hour a second). */
        public Builder acceleration(double value) {
            acceleration = value;
            return this;
        }

        /**
         * Cap on records per second of the run (the history is not capped); 0 for none. Simulated time slows
         * down when it binds. Default 1,000 with Kafka, none otherwise.
         */
        public Builder maxEventsPerSecond(double value) {
            maxEventsPerSecond = value;
            return this;
        }

        /** A newsletter campaign every this many simulated days; 0 for none. */
        public Builder newsletterEveryDays(int value) {
            newsletterEveryDays = value;
            return this;
        }

        /** Where records go (default: memory); not together with {@link #kafka}. */
        public Builder sink(EventSink value) {
            sink = value;
            return this;
        }

        /** Where Encore's outputs come from (default: nowhere, or Kafka with {@link #kafka}). */
        public Builder feedback(FeedbackSource value) {
            feedback = value;
            return this;
        }

        /** How events are stamped (default: simulated time; wall clock with {@link #kafka}). */
        public Builder clock(EventClock value) {
            clock = value;
            return this;
        }

        /** Produce to and read from a running Encore: Kafka sink, Kafka feedback, wall-clock event times. */
        public Builder kafka(KafkaSettings value) {
            kafka = value;
            return this;
        }

        public Simulation build() {
            validate();
            double cap = maxEventsPerSecond != null ? maxEventsPerSecond : kafka != null ? 1000 : 0;
            Settings settings = new Settings(seed, guests, concerts, startDate, historyYears, acceleration, cap,
                    newsletterEveryDays, historySettle);
            EventSink out = sink;
            FeedbackSource in = feedback;
            EventClock stamps = clock;
            if (kafka != null) {
                out = new KafkaSink(kafka);
                in = in == null ? new KafkaFeedback(kafka) : in;
                stamps = stamps == null ? EventClock.wall(System::currentTimeMillis) : stamps;
            }
            return new Simulation(settings, out == null ? new MemorySink() : out, in,
                    stamps == null ? EventClock.simulated() : stamps, kafka);
        }

        private void validate() {
            require(guests >= 1 && guests <= 5_000_000, "guests must be between 1 and 5,000,000, got " + guests);
            require(concerts >= 1 && concerts <= 5_000, "concerts must be between 1 and 5,000 a season, got " + concerts);
            require(historyYears >= 0 && historyYears <= 20, "history years must be between 0 and 20, got " + historyYears);
            require(acceleration > 0, "acceleration must be positive, got " + acceleration);
            require(maxEventsPerSecond == null || maxEventsPerSecond >= 0,
                    "events per second must not be negative, got " + maxEventsPerSecond);
            require(newsletterEveryDays >= 0, "newsletter days must not be negative, got " + newsletterEveryDays);
            require(kafka == null || sink == null, "choose either a sink or Kafka, not both");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
