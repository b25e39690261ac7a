package io.encore.stack.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.ScoringStreamApp;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.scoring.topology.ScoringNames;
import io.encore.stack.Ports;
import io.encore.stack.TopicProvisioner;

/**
 * One benchmark run on a broker and registry that are already up: the ceiling, the engine, latency, fan-out and
 * state, in that order and on the same events, so the ratios hold however loaded the machine is. The apps are
 * the real ones ({@link ProfileStreamApp}, {@link ScoringStreamApp}) with their production defaults
 * (exactly_once_v2, no record cache), each on its own state directory under {@code work}.
 */
public final class Bench {

    /**
     * @param guests          guests who act in the engine phase, and whom the fan-out reaches
     * @param concerts        upcoming concerts in the catalogue
     * @param consentShare    share of the guests who consent to the web, e-mail and ads (three lists, audiences)
     * @param events          pre-produced events (ceiling and engine)
     * @param latencyRate     offered events per second in the latency phase
     * @param latencyDuration how long the latency phase offers them
     * @param phaseTimeout    the longest any phase may wait (a phase that times out is reported so)
     * @param appSettings     settings for both apps on top of the bench's own (tests shorten timers)
     */
    public record Settings(int guests, int concerts, double consentShare, long events, double latencyRate,
                           Duration latencyDuration, Duration phaseTimeout, Map<String, Object> appSettings) {

        public Settings {
            appSettings = Map.copyOf(appSettings);
        }
    }

    /** Where the stack is: the benchmark's topics carry {@code topicPrefix}; its files go under {@code work}. */
    public record Target(String host, String bootstrapServers, String registryUrl, String topicPrefix, Path work) {
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final Settings settings;
    private final Target target;
    private final Consumer<String> progress;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    // The apps run as they ship, tokens on: fresh ones per run, never printed.
    private final String queryToken = randomToken();
    private final String adminToken = randomToken();
    private final TopicCatalogue topics;
    private final Workload workload;

    public Bench(Settings settings, Target target, Consumer<String> progress) {
        this.settings = settings;
        this.target = target;
        this.progress = progress;
        this.topics = new TopicCatalogue(target.topicPrefix(), TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(target.registryUrl())), true));
        this.workload = new Workload(settings.concerts(), settings.guests(), settings.consentShare(), Instant.now());
    }

    /** Runs every phase but the kernel (a separate process: {@link KernelRun}). */
    public BenchResult run() throws InterruptedException {
        String started = Instant.now().toString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()))) {
            TopicProvisioner.ensure(admin, topics.all());
            GroupLag lag = new GroupLag(admin);
            // a broker lists a new topic's leader before it acts as one: produce only once every leader answers
            await("the topics' leaders", () -> lag.leadersAnswer(topics.all().stream().map(t -> t.name()).toList()));
            produceCatalogue();
            Measured measured;
            List<StateMeasure.App> stateApps;
            try (StreamsApp profile = startApp("profile"); StreamsApp scoring = startApp("scoring")) {
                stateApps = stateApps(profile, scoring);
                measured = measure(new Apps(profile, scoring, lag, applicationId("profile"), applicationId("scoring"),
                        List.of(topics.clickEvents().name(), topics.ticketSales().name(), topics.guestConsents().name(),
                                topics.concerts().name()),
                        List.of(topics.guestProfiles().name(), topics.concerts().name(), topics.concertProfiles().name())),
                        admin, started);
            }
            BenchResult.State state = StateMeasure.afterClose(stateApps, measured.live(), settings.guests());
            progress.accept(String.format("state: %,.0f bytes per guest in RocksDB SST files", state.sstBytesPerGuest()));
            return measured.result().withState(state);
        }
    }

    /** The phases' figures, and what only the running apps could tell about their state. */
    private record Measured(BenchResult result, StateMeasure.Live live) {
    }

    private Measured measure(Apps apps, Admin admin, String started) throws InterruptedException {
        awaitCatalogue(apps);
        long heapBaseline = StateMeasure.heapAfterGc();
        apps.profile().streams().pause();
        apps.scoring().streams().pause();
        long events = produceEvents();
        BenchResult.Ceiling ceiling = ceiling(admin, apps.groups(), events);
        BenchResult.Engine engine = engine(apps, events, ceiling);
        try (ChangeFeed feed = new ChangeFeed(target.bootstrapServers(), topics.recommendationChanges())) {
            progress.accept(String.format("latency: %,.0f events/s for %d s", settings.latencyRate(),
                    settings.latencyDuration().toSeconds()));
            BenchResult.Latency latency = new LatencyPhase(target.bootstrapServers(), topics, workload, queryToken).run(feed,
                    "http://" + target.host() + ":" + apps.scoring().httpPort(), settings.latencyRate(),
                    settings.latencyDuration(), settings.latencyDuration().plusSeconds(30));
            await("the apps to catch up after the latency phase", () -> apps.lag() == 0);
            progress.accept(String.format("fan-out: a new concert to %,d guests", settings.guests()));
            BenchResult.FanOut fanOut = new FanOutPhase(target.bootstrapServers(), topics).run(feed,
                    workload.concert(settings.concerts(), "bench-new-" + runId), settings.guests(),
                    () -> sweptGuests(apps.scoring()), settings.phaseTimeout());
            StateMeasure.Live live = StateMeasure.live(stateApps(apps.profile(), apps.scoring()), heapBaseline);
            return new Measured(new BenchResult(started, null, sizes(), ceiling, engine, latency, fanOut, null, null,
                    List.of()), live);
        }
    }

    private List<StateMeasure.App> stateApps(StreamsApp profile, StreamsApp scoring) {
        return List.of(new StateMeasure.App("profile-stream", profile.streams(), stateDir("profile")),
                new StateMeasure.App("scoring-stream", scoring.streams(), stateDir("scoring")));
    }

    /** Both apps and their consumer groups' lag. */
    private record Apps(StreamsApp profile, StreamsApp scoring, GroupLag groups, String profileId, String scoringId,
                        List<String> profileInputs, List<String> scoringInputs) {

        long lag() {
            return groups.of(profileId, profileInputs) + groups.of(scoringId, scoringInputs);
        }
    }

    private void produceCatalogue() {
        try (KafkaProducer<String, byte[]> producer = Clients.producer(target.bootstrapServers())) {
            for (int c = 0; c < settings.concerts(); c++) {
                Clients.send(producer, topics.concerts(), Workload.concertId(c), workload.concert(c, Workload.concertId(c)));
            }
        }
    }

    private String applicationId(String app) {
        return target.topicPrefix() + "encore-bench-" + runId + "-" + app;
    }

    private Path stateDir(String app) {
        return target.work().resolve("state").resolve(app).resolve(applicationId(app)).toAbsolutePath();
    }

    private StreamsApp startApp(String app) {
        Map<String, Object> config = new HashMap<>(settings.appSettings());
        config.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        config.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, target.registryUrl());
        config.put(EncoreConfig.TOPIC_PREFIX_CONFIG, target.topicPrefix());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(app));
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(app).getParent().toString());
        config.put(ProfileStreamConfig.HTTP_HOST_CONFIG, target.host());
        config.put(ProfileStreamConfig.HTTP_ADVERTISED_HOST_CONFIG, target.host());
        config.put(ProfileStreamConfig.HTTP_PORT_CONFIG, Ports.free(target.host()));
        config.put(BearerAuth.TOKEN_CONFIG, queryToken);
        config.put(BearerAuth.ADMIN_TOKEN_CONFIG, adminToken);
        StreamsApp started = "profile".equals(app) ? ProfileStreamApp.create(new ProfileStreamConfig(config)).start()
                : ScoringStreamApp.create(new ScoringStreamConfig(config)).start();
        progress.accept(app + "-stream started");
        return started;
    }

    /**
     * Waits until both apps run, have read the whole catalogue, and profile-stream's re-weighting of the concerts
     * has settled (concert-profiles unchanged for longer than its refresh period).
     */
    private void awaitCatalogue(Apps apps) throws InterruptedException {
        await("both apps to run", () -> apps.profile().streams().state() == KafkaStreams.State.RUNNING
                && apps.scoring().streams().state() == KafkaStreams.State.RUNNING);
        long quiet = new ProfileStreamConfig(profileConfigForRefresh()).settings().catalogueRefresh().toMillis() + 2_000;
        long[] seen = {-1, System.currentTimeMillis()};
        await(String.format("%,d concerts profiled and broadcast", settings.concerts()), () -> {
            long end = apps.groups().endOffsets(topics.concertProfiles().name());
            long now = System.currentTimeMillis();
            if (end != seen[0]) {
                seen[0] = end;
                seen[1] = now;
            }
            return end >= settings.concerts() && now - seen[1] > quiet && apps.lag() == 0;
        });
        progress.accept(String.format("catalogue of %,d concerts profiled and broadcast", settings.concerts()));
    }

    private Map<String, Object> profileConfigForRefresh() {
        Map<String, Object> config = new HashMap<>(settings.appSettings());
        config.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        return config;
    }

    /** The events, in time order, to the input topics while both apps are paused. */
    private long produceEvents() {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        Instant first = Instant.now().minus(Duration.ofMillis(settings.events())).minus(Duration.ofMinutes(10));
        try (KafkaProducer<String, byte[]> producer = Clients.producer(target.bootstrapServers())) {
            for (long e = 0; e < settings.events(); e++) {
                int guest = (int) (e < settings.guests() ? e : random.nextInt(settings.guests()));
                Instant at = first.plusMillis(e);
                Clients.sendEvent(producer, topics, e < settings.guests() && workload.consents(guest)
                        ? Workload.consent(e, guest, at) : workload.event(e, guest, at, random));
            }
        }
        progress.accept(String.format("%,d events over %,d guests produced (%.1f s)", settings.events(),
                settings.guests(), (System.nanoTime() - started) / 1e9));
        return settings.events();
    }

    private BenchResult.Ceiling ceiling(Admin admin, GroupLag lag, long events) throws InterruptedException {
        String clickOut = target.topicPrefix() + "bench-" + runId + "-ceiling-clicks";
        String salesOut = target.topicPrefix() + "bench-" + runId + "-ceiling-sales";
        String consentsOut = target.topicPrefix() + "bench-" + runId + "-ceiling-consents";
        try {
            admin.createTopics(List.of(new NewTopic(clickOut, TopicCatalogue.DEFAULT_PARTITIONS, (short) 1),
                    new NewTopic(salesOut, TopicCatalogue.DEFAULT_PARTITIONS, (short) 1),
                    new NewTopic(consentsOut, TopicCatalogue.DEFAULT_PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the ceiling's output topics: " + e.getCause().getMessage(), e);
        }
        String id = applicationId("ceiling");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, target.work().resolve("state").resolve("ceiling").toAbsolutePath().toString());
        try (KafkaStreams streams = new KafkaStreams(CeilingTopology.build(topics, clickOut, salesOut, consentsOut), props)) {
            streams.start();
            await("the ceiling topology to run", () -> streams.state() == KafkaStreams.State.RUNNING);
            CpuSampler cpu = new CpuSampler();
            long t0 = System.nanoTime();
            List<String> inputs = List.of(topics.clickEvents().name(), topics.ticketSales().name(),
                    topics.guestConsents().name());
            await("the ceiling topology to read every event", () -> lag.of(id, inputs) == 0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            BenchResult.Load load = cpu.load();
            progress.accept(String.format("ceiling: %,.0f events/s (%.1f s)", events / seconds, seconds));
            streams.close(Duration.ofSeconds(30));
            return new BenchResult.Ceiling(events, seconds, events / seconds, load);
        }
    }

    private BenchResult.Engine engine(Apps apps, long events, BenchResult.Ceiling ceiling) throws InterruptedException {
        List<String> profileInputs = apps.profileInputs();
        CpuSampler cpu = new CpuSampler();
        long t0 = System.nanoTime();
        apps.profile().streams().resume();
        apps.scoring().streams().resume();
        long[] profileDone = {-1};
        await("the engine to process every event", () -> {
            if (profileDone[0] < 0 && apps.groups().of(apps.profileId(), profileInputs) == 0) {
                profileDone[0] = System.nanoTime();
            }
            return profileDone[0] > 0 && apps.lag() == 0;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        BenchResult.Load load = cpu.load();
        double rate = events / seconds;
        progress.accept(String.format("engine: %,.0f events/s (%.1f s), %.2f of the ceiling", rate, seconds,
                rate / ceiling.eventsPerSecond()));
        return new BenchResult.Engine(events, seconds, rate, rate / ceiling.eventsPerSecond(), (profileDone[0] - t0) / 1e9,
                load);
    }

    /** scoring-stream's {@code sweep-rescore-total}, summed over its tasks. */
    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long sweptGuests(StreamsApp scoring) {
        return (long) scoring.streams().metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals(ScoringNames.METRIC_SWEEP_RESCORE + "-total")
                        && m.getKey().group().contains(ScoringNames.METRICS_SCOPE))
                .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
    }

    private BenchResult.Sizes sizes() {
        return new BenchResult.Sizes(settings.guests(), settings.concerts(), settings.consentShare(), settings.events(),
                settings.latencyRate(),
                settings.latencyDuration().toSeconds(), TopicCatalogue.DEFAULT_PARTITIONS, StreamsConfig.EXACTLY_ONCE_V2,
                settings.appSettings());
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + settings.phaseTimeout().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + settings.phaseTimeout());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
