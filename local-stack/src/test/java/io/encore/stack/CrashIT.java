package io.encore.stack;

import static io.encore.stack.ItTraffic.concert;
import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.config.EncoreConfig;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.AppProcess.App;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.TestNames;

/**
 * Failures under load, with both apps as real child JVMs under exactly_once_v2 on a broker and registry of this
 * test's own (so they can be stopped): (1) both apps killed with {@code kill -9} mid-load and restarted;
 * (2) the broker stopped and started again on the same ports and log directory; (3) the registry stopped while
 * clicks written with a schema version the apps have not seen yet arrive, and started again on the same port.
 * Afterwards, per guest, acknowledged events = events counted in the profile + events dead-lettered (with a
 * reason), and once the dead letters are replayed as the runbook says, acknowledged = counted; the committed profiles have consecutive versions and the recommendation changes unique ids in one
 * unbroken chain per key; and neither app was restarted for (2) or (3).
 */
@ExtendWith(LocalStackExtension.class)
class CrashIT {

    private static final String HOST = "127.0.0.1";
    private static final int GUESTS = 50;
    private static final int CONCERTS = 12;
    private static final Duration PAUSE = Duration.ofMillis(25);
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir = ItTraffic.stateDir("crash");
    private final List<AppProcess> processes = new ArrayList<>();
    private final Map<String, Long> phaseEvents = new TreeMap<>();
    private EmbeddedKafkaBroker broker;
    private LocalRegistry registry;
    private EventFlow flow;

    @AfterEach
    void stop() throws IOException {
        try {
            if (flow != null) {
                flow.close();
            }
            processes.forEach(AppProcess::close);
            if (registry != null) {
                registry.close();
            }
            if (broker != null) {
                broker.close();
            }
        } finally {
            Directories.deleteRecursively(dataDir);
        }
    }

    @Test
    void shouldLoseAndRepeatNothingWhenAppsAreKilledTheBrokerRestartsAndTheRegistryIsAway(TestNames names)
            throws Exception {
        // given: a broker and a registry of this test's own, the topics, the concerts, one instance of each app
        long started = System.nanoTime();
        EmbeddedKafkaBroker.Settings brokerSettings = new EmbeddedKafkaBroker.Settings(HOST, Ports.free(HOST),
                Ports.free(HOST), dataDir.resolve("kafka"), Map.of());
        broker = EmbeddedKafkaBroker.start(brokerSettings);
        int registryPort = Ports.free(HOST);
        registry = startRegistry(registryPort);
        TopicCatalogue topics = config(names).encore().topicCatalogue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, Instant.now()));
            }
        }
        AppProcess.Cluster cluster = new AppProcess.Cluster(broker.bootstrapServers(), registry.url(),
                names.topicPrefix(), names.applicationId());
        AppProcess profile = launch(App.PROFILE, "profile", cluster);
        AppProcess scoring = launch(App.SCORING, "scoring", cluster);
        profile.awaitReady(READY);
        scoring.awaitReady(READY);
        flow = new EventFlow(broker.bootstrapServers(), topics.clickEvents(), GUESTS, CONCERTS, PAUSE);
        awaitMoreEvents(400);

        // when (1): both apps are killed mid-load and started again on their state directories
        phase("1 kill -9", () -> {
            profile.kill();
            scoring.kill();
            awaitMoreEvents(150);
            profile.restart();
            scoring.restart();
            profile.awaitReady(READY);
            scoring.awaitReady(READY);
            awaitMoreEvents(300);
        });
        // and (2): the broker stops under load and starts again on the same ports and data
        phase("2 broker restart", () -> {
            broker.close();
            Thread.sleep(BROKER_OUTAGE.toMillis()); // the outage itself, not a wait for a condition
            broker = EmbeddedKafkaBroker.start(brokerSettings);
            awaitMoreEvents(300);
            profile.awaitReady(READY);
            scoring.awaitReady(READY);
            awaitMoreEvents(300);
        });
        // and (3): the registry goes away just as the producer moves to a newer schema version, then comes back
        AvroWireFormat newerProducer = config(names).encore().wireFormat();
        Schema newer = newerClickSchema();
        String clicks = topics.clickEvents().name();
        newerProducer.write(clicks, false, newer, asNewer(newer, ItTraffic.click("warm-up",
                new GuestIdentifier(IdentifierType.GUEST_ID, "warm-up"), "c-0", ClickType.PAGE_VIEW, Instant.now()))); // registers the newer version now; the apps first meet its id during the outage
        phase("3 registry outage", () -> {
            registry.close();
            flow.encodeWith(click -> newerProducer.write(clicks, false, newer, asNewer(newer, click)));
            awaitMoreEvents(300);
            registry = startRegistry(registryPort);
            awaitMoreEvents(400);
        });
        flow.stop();

        // then: per guest, acknowledged = counted + dead-lettered, and the apps were never restarted for (2) or (3)
        assertThat(flow.failed()).as("sends that failed: %s", flow.firstFailure()).isZero();
        assertThat(profile.isAlive()).as("profile-stream still running").isTrue();
        assertThat(scoring.isAlive()).as("scoring-stream still running").isTrue();
        Map<String, Long> acknowledged = flow.acknowledged();
        String application = names.applicationId() + "-profile";
        Map<String, Long> counted = new TreeMap<>();
        Map<String, List<DeadLetter>> letters = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            letters.clear();
            letters.putAll(OutputLedger.deadLetters(broker.bootstrapServers(), topics.deadLetters(), application));
            for (Map.Entry<String, Long> guest : acknowledged.entrySet()) {
                long count = eventCount(profile, guest.getKey());
                counted.put(guest.getKey(), count);
                assertThat(count + letters.getOrDefault(guest.getKey(), List.of()).size()).as(guest.getKey())
                        .isEqualTo(guest.getValue());
            }
        });
        // and: replaying the dead letters' original bytes once the registry is back (the runbook) counts them all
        replay(letters);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, Long> guest : acknowledged.entrySet()) {
                assertThat(eventCount(profile, guest.getKey())).as(guest.getKey()).isEqualTo(guest.getValue());
            }
        });
        long afterReplay = 0;
        for (String guest : acknowledged.keySet()) {
            afterReplay += eventCount(profile, guest);
        }
        // the store answers a moment before its transaction commits: wait for the committed profiles to catch up
        AtomicReference<OutputLedger.ProfileCheck> committed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            committed.set(OutputLedger.ProfileCheck.of(OutputLedger.read(broker.bootstrapServers(), topics.guestProfiles())));
            assertThat(committed.get().lastEventCount()).isEqualTo(acknowledged);
        });
        OutputLedger.ProfileCheck profiles = committed.get();
        OutputLedger.ChangeCheck changes = OutputLedger.ChangeCheck.of(
                OutputLedger.read(broker.bootstrapServers(), topics.recommendationChanges()));
        long deadLettered = letters.values().stream().mapToLong(List::size).sum();
        Map<String, Long> reasons = new TreeMap<>();
        letters.values().forEach(list -> list.forEach(letter -> reasons.merge(letter.getStage() + ": "
                + letter.getReason().replaceAll("topic '[^']*'", "topic click-events")
                        .replaceAll("schema id \\d+: GET \\S+ failed: ([\\w.]+).*", "schema id N: GET … failed: $1"),
                1L, Long::sum)));
        assertThat(OutputLedger.deadLetters(broker.bootstrapServers(), topics.deadLetters(), application).values()
                .stream().mapToLong(List::size).sum()).as("a replayed click is not dead-lettered again")
                .isEqualTo(deadLettered);
        print(acknowledged, counted, deadLettered, reasons, profiles, changes, System.nanoTime() - started);
        System.out.printf("  after replaying the dead letters: counted %,d%n", afterReplay);
        assertThat(profiles.lastEventCount()).isEqualTo(acknowledged);
        assertThat(profiles.repeated()).as("profile versions published twice").isZero();
        assertThat(profiles.gaps()).as("profile versions missing").isZero();
        assertThat(changes.duplicateIds()).as("duplicate change ids: %s", changes.examples()).isZero();
        assertThat(changes.brokenLinks()).as("broken change chains: %s", changes.examples()).isZero();
        assertThat(letters.values()).allSatisfy(list -> assertThat(list).allSatisfy(letter -> {
            assertThat(letter.getReason()).contains("schema id");
            assertThat(letter.getSourceTopic()).isEqualTo(clicks);
        }));
    }

    /** Writes each dead letter's original key and value to its source topic again, as an operator would. */
    private void replay(Map<String, List<DeadLetter>> letters) {
        try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            letters.forEach((key, list) -> list.forEach(letter -> {
                ByteBuffer value = letter.getValue().duplicate();
                byte[] bytes = new byte[value.remaining()];
                value.get(bytes);
                producer.send(new ProducerRecord<>(letter.getSourceTopic(), key, bytes));
            }));
        }
    }

    /** One phase of failures; the events acknowledged during it are kept for the table. */
    private void phase(String name, ThrowingRunnable body) throws Exception {
        long before = flow.acknowledgedTotal();
        long at = System.nanoTime();
        body.run();
        phaseEvents.put(name + " (" + (System.nanoTime() - at) / 1_000_000_000 + " s)", flow.acknowledgedTotal() - before);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private LocalRegistry startRegistry(int port) {
        String runner = System.getProperty(LocalRegistry.RUNNER_PROPERTY);
        assertThat(runner).as("system property " + LocalRegistry.RUNNER_PROPERTY).isNotNull();
        // Schemas in a file, so the ids on the broker still resolve after the restart (in memory they would not).
        return LocalRegistry.start(Path.of(runner), HOST, port, Optional.of(dataDir.resolve("registry")),
                Path.of("target", "it-logs", "CrashIT-registry.log"));
    }

    private ProfileStreamConfig config(TestNames names) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
        settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, names.topicPrefix());
        settings.put("application.id", names.applicationId() + "-test");
        settings.put("state.dir", dataDir.resolve("unused").toString());
        return new ProfileStreamConfig(settings);
    }

    private AppProcess launch(App app, String name, AppProcess.Cluster cluster) {
        AppProcess instance = AppProcess.start(app, name, cluster, dataDir.resolve(name), "CrashIT-" + name);
        processes.add(instance);
        return instance;
    }

    private void awaitMoreEvents(long more) {
        long target = flow.acknowledgedTotal() + more;
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> flow.acknowledgedTotal() >= target);
    }

    private static long eventCount(AppProcess instance, String guest) throws IOException {
        HttpResponse<String> response = instance.get(String.format(App.PROFILE.guestPath, guest));
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("eventCount").asLong() : 0;
    }

    /** The click schema with a field added with a default: a compatible newer version, a new schema id. */
    private static Schema newerClickSchema() {
        String json = ClickEvent.getClassSchema().toString();
        String field = "{\"name\":\"crashTestTag\",\"type\":\"string\",\"default\":\"none\"}";
        return new Schema.Parser().parse(json.substring(0, json.lastIndexOf(']')) + "," + field
                + json.substring(json.lastIndexOf(']')));
    }

    private static GenericRecord asNewer(Schema schema, ClickEvent click) {
        GenericRecord old = ProfileStreamInstance.generic(click, ClickEvent.getClassSchema(), "", "");
        GenericRecord record = new GenericData.Record(schema);
        ClickEvent.getClassSchema().getFields().forEach(f -> record.put(f.name(), old.get(f.name())));
        record.put("crashTestTag", "outage");
        return record;
    }

    private void print(Map<String, Long> acknowledged, Map<String, Long> counted, long deadLettered,
                       Map<String, Long> reasons, OutputLedger.ProfileCheck profiles, OutputLedger.ChangeCheck changes,
                       long nanos) {
        long in = acknowledged.values().stream().mapToLong(Long::longValue).sum();
        long sum = counted.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("""
                CrashIT reconciled (exactly_once_v2, 4 partitions, %d s; events acknowledged per phase %s):
                  events acknowledged  %,8d = counted in profiles %,d + dead-lettered %,d (guests %d)
                  dead letters by reason %s
                  profiles published   %,8d, versions repeated %d, missing %d
                  recommendation changes %,6d for %d keys, duplicate ids %d, broken chains %d
                """, nanos / 1_000_000_000, phaseEvents, in, sum, deadLettered, acknowledged.size(), reasons,
                profiles.records(), profiles.repeated(), profiles.gaps(), changes.records(), changes.keys(),
                changes.duplicateIds(), changes.brokenLinks());
    }
}
