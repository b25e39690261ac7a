package io.encore.stack;

import static io.encore.stack.ItTraffic.concert;
import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.AppProcess.App;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Scaling out and in while events flow: profile-stream and scoring-stream as real child JVMs, one instance
 * each, then three each, then one each again (the extra ones stopped with SIGTERM), 4 partitions, under
 * exactly_once_v2. Every acknowledged event is counted exactly once in its guest's profile; the profiles a
 * {@code read_committed} consumer sees have consecutive versions per guest (none repeated, none missing); the
 * recommendation changes have unique ids and form one unbroken chain per guest and channel; and a client that
 * asks every live instance the whole time gets no 5xx (a 503 with {@code Retry-After} is allowed).
 */
@ExtendWith(LocalStackExtension.class)
class ScalingIT {

    private static final int GUESTS = 60;
    private static final int CONCERTS = 12;
    private static final Duration PAUSE = Duration.ofMillis(25); // ≈40 events/s: modest, for 2 shared cores
    private static final Duration READY = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateDir = ItTraffic.stateDir("scaling");
    private final List<AppProcess> processes = new ArrayList<>();
    private EventFlow flow;
    private ApiWatch watch;

    @AfterEach
    void stop() throws Exception {
        try {
            if (watch != null) {
                watch.close();
            }
            if (flow != null) {
                flow.close();
            }
        } finally {
            processes.forEach(AppProcess::close);
            Directories.deleteRecursively(stateDir);
        }
    }

    @Test
    void shouldCountEveryEventOnceAndLoseNoChangeWhenInstancesScaleOneToThreeToOne(SharedStack stack, TestNames names)
            throws Exception {
        // given: the topics, the concerts, one instance of each app, and a client asking them
        long started = System.nanoTime();
        TopicCatalogue topics = ProfileStreamInstance.config(stack, names, stateDir).encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, Instant.now()));
            }
        }
        AppProcess.Cluster cluster = new AppProcess.Cluster(stack.bootstrapServers(), stack.registryUrl(),
                names.topicPrefix(), names.applicationId());
        watch = new ApiWatch(GUESTS);
        AppProcess profile1 = launch(App.PROFILE, "profile-1", cluster);
        AppProcess scoring1 = launch(App.SCORING, "scoring-1", cluster);
        awaitReady(profile1, scoring1);

        // when: events flow; two more instances of each app join; then those four are stopped one by one
        flow = new EventFlow(stack.bootstrapServers(), topics.clickEvents(), GUESTS, CONCERTS, PAUSE);
        awaitMoreEvents(400);
        List<AppProcess> extra = List.of(launch(App.PROFILE, "profile-2", cluster), launch(App.SCORING, "scoring-2", cluster),
                launch(App.PROFILE, "profile-3", cluster), launch(App.SCORING, "scoring-3", cluster));
        awaitReady(extra.toArray(AppProcess[]::new));
        awaitMoreEvents(800);
        for (AppProcess instance : extra) {
            watch.remove(instance);
            instance.stop(Duration.ofSeconds(60));
            awaitMoreEvents(250);
        }
        awaitReady(profile1, scoring1);
        awaitMoreEvents(250);
        flow.stop();

        // then: every acknowledged event is in its guest's profile, once
        Map<String, Long> acknowledged = flow.acknowledged();
        assertThat(flow.failed()).as("sends that failed: %s", flow.firstFailure()).isZero();
        assertThat(acknowledged).hasSize(GUESTS);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, Long> guest : acknowledged.entrySet()) {
                assertThat(eventCount(profile1, guest.getKey())).as(guest.getKey()).isEqualTo(guest.getValue());
            }
        });
        // and: the committed profiles have consecutive versions per guest, and end at those counts
        // (the store answers a moment before its transaction commits: wait for the committed profiles to catch up)
        AtomicReference<OutputLedger.ProfileCheck> committed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            committed.set(OutputLedger.ProfileCheck.of(OutputLedger.read(stack.bootstrapServers(), topics.guestProfiles())));
            assertThat(committed.get().lastEventCount()).isEqualTo(acknowledged);
        });
        OutputLedger.ProfileCheck profiles = committed.get();
        assertThat(profiles.repeated()).as("profile versions published twice").isZero();
        assertThat(profiles.gaps()).as("profile versions missing").isZero();
        // and: every guest's recommendation changes are unique and chained
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(OutputLedger.read(
                stack.bootstrapServers(), topics.recommendationChanges()).keySet()).hasSizeGreaterThanOrEqualTo(GUESTS));
        awaitReady(scoring1);
        OutputLedger.ChangeCheck changes = OutputLedger.ChangeCheck.of(
                OutputLedger.read(stack.bootstrapServers(), topics.recommendationChanges()));
        watch.close();
        print(acknowledged, profiles, changes, System.nanoTime() - started);
        assertThat(changes.duplicateIds()).as("duplicate change ids: %s", changes.examples()).isZero();
        assertThat(changes.brokenLinks()).as("broken change chains: %s", changes.examples()).isZero();
        // and: the client asking every live instance got no 5xx and no silence
        assertThat(watch.bad()).as("5xx or no answer: %s", watch.failures()).isZero();
        assertThat(watch.count(200)).isPositive();
    }

    private AppProcess launch(App app, String name, AppProcess.Cluster cluster) {
        AppProcess instance = AppProcess.start(app, name, cluster, stateDir.resolve(name), "ScalingIT-" + name);
        processes.add(instance);
        return instance;
    }

    /** Waits until the instances are RUNNING, then lets the client ask them too. */
    private void awaitReady(AppProcess... instances) throws InterruptedException {
        for (AppProcess instance : instances) {
            instance.awaitReady(READY);
            watch.add(instance);
        }
    }

    private void awaitMoreEvents(long more) {
        long target = flow.acknowledgedTotal() + more;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> flow.acknowledgedTotal() >= target);
    }

    private static long eventCount(AppProcess instance, String guest) throws IOException {
        HttpResponse<String> response = instance.get(String.format(App.PROFILE.guestPath, guest));
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("eventCount").asLong() : -1;
    }

    private void print(Map<String, Long> acknowledged, OutputLedger.ProfileCheck profiles,
                       OutputLedger.ChangeCheck changes, long nanos) {
        long counted = profiles.lastEventCount().values().stream().mapToLong(Long::longValue).sum();
        long in = acknowledged.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, Long> statuses = watch.statuses();
        System.out.printf("""
                ScalingIT reconciled (1 → 3 → 1 instances of each app, 4 partitions, exactly_once_v2, %d s):
                  events acknowledged  %,8d = counted in profiles %,d (guests %d)
                  profiles published   %,8d, versions repeated %d, missing %d
                  recommendation changes %,6d for %d keys, duplicate ids %d, broken chains %d
                  HTTP answers         %,8d: 200 %,d, 404 %,d, 503 %,d, other 5xx or none %,d  %s
                """, nanos / 1_000_000_000, in, counted, acknowledged.size(), profiles.records(), profiles.repeated(),
                profiles.gaps(), changes.records(), changes.keys(), changes.duplicateIds(), changes.brokenLinks(),
                watch.total(), statuses.getOrDefault(200, 0L), statuses.getOrDefault(404, 0L),
                statuses.getOrDefault(503, 0L), watch.bad(), statuses);
    }
}
