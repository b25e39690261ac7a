package io.encore.stack;

import static io.encore.stack.ItTraffic.click;
import static io.encore.stack.ItTraffic.committedConsumer;
import static io.encore.stack.ItTraffic.concert;
import static io.encore.stack.ItTraffic.key;
import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.ErasureAudit;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.privacy.Erasures;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.ScoringStreamApp;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Erasure on the real broker and registry, both apps under exactly_once_v2: a guest with three aliases, a
 * contact, consents for every channel, a purchase and clicks — in profiles, lists and ad audiences — asks to be
 * forgotten. Afterwards the test scans every state store of both apps (found from their state directories, so
 * a store added later is scanned too) and the current view of every compacted topic of the cluster (the last
 * record per key: what a consumer restoring from it, or the log cleaner's result, holds) for the guest's id,
 * aliases, e-mail and e-mail hash, and finds none; two audit records, one per app, name the guest by hash.
 * Other guests keep their data. Delete-policy topics (events, changes, private command and candidate topics)
 * keep what they hold until retention deletes it; the test prints how many of their records still mention the
 * guest, and the one record that must stay: the erasure request itself on {@code guest-consents}.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureIT {

    private static final int CONCERTS = 8;
    private static final Instant START = Instant.now().minus(Duration.ofDays(1));
    private static final String EMAIL = "erase.me@example.com";
    private static final String EMAIL_HASH = "5f2b7c1d6e0a93e4b8c7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5";
    private static final GuestIdentifier GUEST = new GuestIdentifier(IdentifierType.GUEST_ID, "erase-me");
    private static final GuestIdentifier COOKIE = new GuestIdentifier(IdentifierType.COOKIE, "erase-cookie");
    private static final GuestIdentifier CARD = new GuestIdentifier(IdentifierType.LOYALTY_CARD, "erase-card");
    private static final GuestIdentifier HASHED = new GuestIdentifier(IdentifierType.EMAIL_SHA256, EMAIL_HASH);
    private static final GuestIdentifier OTHER = new GuestIdentifier(IdentifierType.GUEST_ID, "keep-me");
    /** What must be gone: every identifier of the guest, and its contact details. */
    private static final List<String> NEEDLES = List.of("erase-me", "erase-cookie", "erase-card", EMAIL, EMAIL_HASH);

    private final Path stateDir = ItTraffic.stateDir("erasure");
    private StreamsApp profile;
    private StreamsApp scoring;

    @AfterEach
    void stop() throws IOException {
        if (scoring != null) {
            scoring.close();
        }
        if (profile != null) {
            profile.close();
        }
        Directories.deleteRecursively(stateDir);
    }

    @Test
    void shouldLeaveNoTraceOfAnErasedGuestInAnyStoreOrCompactedTopic(SharedStack stack, TestNames names)
            throws Exception {
        // given: both apps, and a guest known everywhere: profile, lists on every channel, concert audiences
        ProfileStreamConfig profileConfig = new ProfileStreamConfig(StreamAppSettings.of(stack, names, stateDir, "profile"));
        TopicCatalogue topics = profileConfig.encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        profile = ProfileStreamApp.create(profileConfig).start();
        scoring = ScoringStreamApp.create(new ScoringStreamConfig(StreamAppSettings.of(stack, names, stateDir, "scoring"))).start();
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, START));
            }
            producer.flush();
            feed(producer, topics, GUEST, List.of(COOKIE, CARD, HASHED));
            feed(producer, topics, OTHER, List.of());
        }
        try (KafkaConsumer<String, byte[]> audiences = committedConsumer(stack.bootstrapServers())) {
            audiences.subscribe(List.of(topics.concertAudiences().name()));
            Set<String> members = new HashSet<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : audiences.poll(Duration.ofMillis(500))) {
                    ConcertAudience audience = topics.concertAudiences().valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    if (audience != null) {
                        audience.getMembers().forEach(member -> members.add(member.getGuestId()));
                    }
                }
                assertThat(members).as("the guest is in an ad audience before the erasure").contains(key(GUEST));
            });
        }

        // when: the guest asks to be forgotten
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            send(producer, topics.guestConsents(), key(GUEST), consent("erase-request", GUEST, true,
                    START.plus(Duration.ofHours(2))));
        }

        // then: each app audits its part, naming the guest by hash only
        List<ErasureAudit> audits = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            consumer.subscribe(List.of(topics.erasureAudits().name()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> audits.add(
                        topics.erasureAudits().valueSerde().deserializer().deserialize(record.topic(), record.value())));
                assertThat(audits).extracting(ErasureAudit::getApplication)
                        .containsExactlyInAnyOrder(names.applicationId() + "-profile", names.applicationId() + "-scoring");
            });
        }
        assertThat(audits).allSatisfy(audit -> {
            assertThat(audit.getSubject()).isEqualTo(Erasures.subject(key(GUEST)));
            assertThat(audit.getRequestEventId()).isEqualTo("erase-request");
            assertThat(NEEDLES).noneMatch(audit.toString()::contains);
        });

        // and, once the audiences have been republished without the guest, nothing is left
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Scan scan = scan(stack, names);
            assertThat(scan.storeHits()).as("store entries naming the guest").isEmpty();
            assertThat(scan.compactedHits()).as("current records of compacted topics naming the guest")
                    .containsOnlyKeys(topics.guestConsents().name());
            assertThat(scan.compactedHits().get(topics.guestConsents().name()))
                    .as("only the erasure request itself stays, so the guest is never profiled again")
                    .containsExactly(key(GUEST));
            assertThat(scan.storeEntriesScanned()).as("the other guest is still there").isPositive();
            assertThat(scan.otherGuestFound()).as("the other guest's profile and lists are untouched").isTrue();
        });
        Scan scan = scan(stack, names);
        System.out.printf("%nErasureIT reconciled: %d stores scanned (%d entries) in both apps, %d compacted topics "
                        + "(%d current records) → 0 mentions of the guest; %d delete-policy topics hold %d records "
                        + "naming it until retention (%s); audits: %s%n",
                scan.stores().size(), scan.storeEntriesScanned(), scan.compactedTopics(), scan.compactedRecords(),
                scan.deleteTopics(), scan.deleteHits().values().stream().mapToInt(Integer::intValue).sum(),
                shortNames(scan.deleteHits(), names), audits.stream().map(a -> a.getActions().size() + " actions").toList());
    }

    /** Topic names without the test's prefixes, for the summary line. */
    private static Map<String, Integer> shortNames(Map<String, Integer> byTopic, TestNames names) {
        Map<String, Integer> shortened = new TreeMap<>();
        byTopic.forEach((topic, count) -> shortened.put(topic.substring(names.topicPrefix().length())
                .replace(names.applicationId() + "-", ""), count));
        return shortened;
    }

    /** Identity links, a contact, consents for every channel, clicks and a purchase for one guest. */
    private static void feed(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, GuestIdentifier guest,
                             List<GuestIdentifier> aliases) {
        int n = 1;
        for (GuestIdentifier alias : aliases) {
            send(producer, topics.identityLinks(), key(alias), IdentityLink.newBuilder()
                    .setEventId(opaqueId()).setOccurredAt(START.plusSeconds(n++))
                    .setFrom(alias).setTo(guest).setReason(LinkReason.LOGIN).setSource("it").build());
        }
        send(producer, topics.guestConsents(), key(guest), consent(opaqueId(), guest, false,
                START.plusSeconds(10)));
        send(producer, topics.guestContacts(), key(guest), GuestContact.newBuilder().setGuestId(key(guest))
                .setEmail(guest.equals(GUEST) ? EMAIL : "keep.me@example.com").setFirstName("Erna")
                .setUpdatedAt(START).build());
        GuestIdentifier browsing = aliases.isEmpty() ? guest : aliases.get(0);
        for (int v = 0; v < 4; v++) {
            send(producer, topics.clickEvents(), key(browsing), click(opaqueId(), browsing,
                    "c-" + (v % 3) * 3, v == 1 ? ClickType.FAVOURITE : ClickType.PAGE_VIEW,
                    START.plus(Duration.ofMinutes(10 + v))));
        }
    }

    /**
     * Event ids as producers make them, naming no one: profile-stream keeps every id it has counted for its
     * de-duplication horizon ({@code seen-events}), whoever the event was about.
     */
    private static String opaqueId() {
        return UUID.randomUUID().toString();
    }

    private static GuestConsent consent(String eventId, GuestIdentifier who, boolean erasure, Instant at) {
        return GuestConsent.newBuilder().setEventId(eventId).setOccurredAt(at).setIdentifier(who)
                .setProfilingConsent(!erasure).setEmailConsent(!erasure).setAdsConsent(!erasure)
                .setWebPersonalizationConsent(!erasure).setPrintConsent(!erasure).setErasureRequested(erasure)
                .setSource("it").build();
    }

    /** What a scan of both apps' stores and the cluster's topics found. */
    private record Scan(Map<String, Integer> storeHits, Set<String> stores, int storeEntriesScanned,
                        boolean otherGuestFound, Map<String, List<String>> compactedHits, int compactedTopics,
                        int compactedRecords, Map<String, Integer> deleteHits, int deleteTopics) {
    }

    private Scan scan(SharedStack stack, TestNames names) throws Exception {
        Map<String, Integer> storeHits = new TreeMap<>();
        Set<String> stores = new TreeSet<>();
        int[] entries = {0};
        boolean[] other = {false};
        Set<String> unqueried = new TreeSet<>(storeNames(stateDir));
        for (StreamsApp app : List.of(profile, scoring)) {
            for (String store : storeNames(stateDir)) {
                boolean queried = scanStore(app.streams(), store, (key, value) -> {
                    stores.add(store);
                    entries[0]++;
                    String text = key + "=" + value;
                    other[0] |= text.contains("keep-me");
                    if (NEEDLES.stream().anyMatch(text::contains)) {
                        storeHits.merge(store, 1, Integer::sum);
                    }
                });
                if (queried) {
                    unqueried.remove(store);
                }
            }
        }
        assertThat(unqueried).as("stores on disk that neither app answers for").isEmpty();
        Map<String, List<String>> compactedHits = new TreeMap<>();
        Map<String, Integer> deleteHits = new TreeMap<>();
        int compactedTopics = 0;
        int compactedRecords = 0;
        int deleteTopics = 0;
        try (Admin admin = stack.admin()) {
            Set<String> ours = new TreeSet<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith(names.topicPrefix()) || topic.startsWith(names.applicationId())) {
                    ours.add(topic);
                }
            }
            Map<String, TopicDescription> described = admin.describeTopics(ours).allTopicNames().get();
            List<ConfigResource> resources = ours.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            var configs = admin.describeConfigs(resources).all().get();
            for (String topic : ours) {
                ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get("cleanup.policy");
                Map<String, byte[]> latest = new HashMap<>();
                int[] mentions = {0};
                readAll(stack, topic, described.get(topic).partitions().size(), record -> {
                    latest.put(record.key(), record.value());
                    if (mentions(record.key(), record.value())) {
                        mentions[0]++;
                    }
                });
                if (policy.value().contains("compact")) {
                    compactedTopics++;
                    compactedRecords += latest.size();
                    latest.forEach((key, value) -> {
                        if (value != null && mentions(key, value)) {
                            compactedHits.computeIfAbsent(topic, t -> new ArrayList<>()).add(key);
                        }
                    });
                } else {
                    deleteTopics++;
                    if (mentions[0] > 0) {
                        deleteHits.put(topic, mentions[0]);
                    }
                }
            }
        }
        return new Scan(storeHits, stores, entries[0], other[0], compactedHits, compactedTopics, compactedRecords,
                deleteHits, deleteTopics);
    }

    /** Every store either app keeps on disk: RocksDB stores, segmented (window) stores, global stores. */
    private static Set<String> storeNames(Path stateDir) throws IOException {
        Set<String> stores = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(stateDir, 5)) {
            paths.filter(Files::isDirectory).forEach(path -> {
                Path parent = path.getParent();
                if (parent != null && parent.getFileName().toString().equals("rocksdb")) {
                    stores.add(path.getFileName().toString());
                }
            });
        }
        // A window store's segments live in a directory of their own, named after the store, beside rocksdb/.
        try (Stream<Path> tasks = Files.walk(stateDir, 4)) {
            tasks.filter(path -> Files.isDirectory(path.resolve("rocksdb"))).forEach(task -> {
                try (Stream<Path> children = Files.list(task)) {
                    children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                            .filter(name -> !name.equals("rocksdb")).forEach(stores::add);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return stores;
    }

    private interface EntryVisitor {
        void visit(Object key, Object value);
    }

    /**
     * Every entry of {@code store} on this instance, as a key-value store or a window store, whichever it is.
     *
     * @return false when the store is not this app's
     */
    private static boolean scanStore(KafkaStreams streams, String store, EntryVisitor visitor) {
        try {
            ReadOnlyKeyValueStore<Object, Object> kv = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<Object, Object> all = kv.all()) {
                all.forEachRemaining(entry -> visitor.visit(entry.key, entry.value));
            }
            return true;
        } catch (InvalidStateStoreException notKeyValue) {
            // not a key-value store of this app, or a window store: try the other way
        }
        try {
            ReadOnlyWindowStore<Object, Object> window = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.windowStore()));
            try (KeyValueIterator<Windowed<Object>, Object> all = window.all()) {
                all.forEachRemaining((KeyValue<Windowed<Object>, Object> entry) -> visitor.visit(entry.key.key(), entry.value));
            }
            return true;
        } catch (InvalidStateStoreException notThisApps) {
            return false; // the store belongs to the other app
        }
    }

    private interface RecordVisitor {
        void visit(ConsumerRecord<String, byte[]> record);
    }

    /** Every committed record of {@code topic}, from the beginning to its end as of now. */
    private static void readAll(SharedStack stack, String topic, int partitions, RecordVisitor visitor) {
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(visitor::visit);
            }
        }
    }

    private static boolean mentions(String key, byte[] value) {
        String text = (key == null ? "" : key) + (value == null ? "" : new String(value, StandardCharsets.UTF_8));
        return NEEDLES.stream().anyMatch(text::contains);
    }

}
