package io.encore.stack;

import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static io.encore.stack.SinkTraffic.audience;
import static io.encore.stack.SinkTraffic.emailHash;
import static io.encore.stack.SinkTraffic.member;
import static io.encore.stack.SinkTraffic.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.RedisClient;

import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.CampaignKind;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.privacy.Erasures;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.ScoringStreamApp;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.scoring.signals.RecommendationIds;
import io.encore.stack.connect.ConnectRestClient;
import io.encore.stack.connect.LocalConnect;
import io.encore.stack.connect.LocalSinks;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;
import io.encore.stack.standin.CapturedEmail;
import io.encore.stack.standin.LocalAdPlatform;
import io.encore.stack.standin.LocalRedis;
import io.encore.stack.standin.LocalSmtp;

/**
 * Encore's sinks in a real Kafka Connect worker (distributed mode, plugins from the unpacked plugin archive)
 * on the shared broker and registry, delivering to the local stand-ins the demo uses: GreenMail for SMTP, the
 * ad platform stand-in, a real redis-server. One worker for the class; each test gets its own topics,
 * connectors and stand-ins, and registers the demo's own connector configs ({@link LocalSinks}).
 */
@ExtendWith(LocalStackExtension.class)
class ConnectSinksIT {

    private static final String HOST = "127.0.0.1";
    private static final String ADS_TOKEN = "it-token";
    private static final URI SITE = URI.create("https://hall.example");
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(90);
    private static final Pattern TRACKING_LINK = Pattern.compile(
            "href=\"" + Pattern.quote(SITE + "/t") + "/c/([^/\"]+)/([^?\"]+)\\?rec=([^\"]+)\"");

    private static LocalConnect connect;

    private final ObjectMapper json = new ObjectMapper();
    private final Path stateDir = ItTraffic.stateDir("sinks");
    private final List<String> connectors = new ArrayList<>();
    private TestNames names;
    private String bootstrapServers;
    private TopicCatalogue topics;
    private LocalSinks.Targets targets;
    private LocalSmtp smtp;
    private LocalAdPlatform ads;
    private LocalRedis redis;
    private StreamsApp scoring;

    @BeforeAll
    static void startWorker(SharedStack stack, TestNames classNames) {
        String pluginPath = System.getProperty("encore.connect.plugin.path");
        assertThat(pluginPath).as("system property encore.connect.plugin.path (set by the build)").isNotNull();
        // A short commit interval: the redelivery test waits for the sink's committed offsets.
        connect = LocalConnect.start(new LocalConnect.Settings(HOST, 0, stack.bootstrapServers(), Path.of(pluginPath),
                classNames.topicPrefix() + "connect", Map.of("offset.flush.interval.ms", "500")));
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.close();
        }
    }

    @BeforeEach
    void startStandIns(SharedStack stack, TestNames testNames) {
        names = testNames;
        bootstrapServers = stack.bootstrapServers();
        topics = new TopicCatalogue(names.topicPrefix(), TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(stack.registryUrl())), true));
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        smtp = LocalSmtp.start(HOST, 0);
        ads = LocalAdPlatform.start(HOST, 0, ADS_TOKEN);
        redis = LocalRedis.start(HOST, 0, stateDir.resolve("redis"));
        targets = new LocalSinks.Targets(topics, stack.registryUrl(), smtp.host(), smtp.port(), ads.baseUrl(), ADS_TOKEN,
                redis.url(), stateDir, SITE);
    }

    @AfterEach
    void stopEverything() throws IOException {
        connectors.forEach(name -> connect.rest().delete(name));
        if (scoring != null) {
            scoring.close();
        }
        smtp.close();
        ads.close();
        redis.close();
        Directories.deleteRecursively(stateDir);
    }

    @Test
    void shouldFindTheSinksOnThePluginPathOnlyWhenTheWorkerStarts() {
        // given / when: the worker started for this class
        List<ConnectRestClient.Plugin> plugins = connect.rest().connectorPlugins();
        // then: it runs the four sinks from the plugin directory, which is not on this JVM's classpath
        assertThat(plugins).filteredOn(plugin -> plugin.className().startsWith("io.encore."))
                .extracting(ConnectRestClient.Plugin::className, ConnectRestClient.Plugin::type)
                .contains(tuple("io.encore.connectors.email.EmailSinkConnector", "sink"),
                        tuple("io.encore.connectors.ads.AdAudienceSinkConnector", "sink"),
                        tuple("io.encore.connectors.web.WebSinkConnector", "sink"),
                        tuple("io.encore.connectors.print.PrintSinkConnector", "sink"));
        assertThat(plugins).filteredOn(plugin -> plugin.className().startsWith("io.encore."))
                .allSatisfy(plugin -> assertThat(plugin.version()).isEqualTo("0.1.0-SNAPSHOT"));
        assertThatThrownBy(() -> Class.forName("io.encore.connectors.email.EmailSinkConnector"))
                .as("plugin classes on the test classpath would bypass plugin isolation")
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldAcceptEveryExampleConnectorConfigWhenTheWorkerValidatesIt() throws IOException {
        // given: the examples of docs/connectors.md
        Path examples = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("connectors/config");
        List<Path> files;
        try (Stream<Path> list = Files.list(examples)) {
            files = list.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            Map<String, String> config = json.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            // when
            List<String> errors = connect.rest().validate(config.get("connector.class"), config);
            // then
            assertThat(errors).as(file.toString()).isEmpty();
        }
    }

    @Test
    void shouldEmailEachChosenGuestItsMostRelevantConcertsWithTrackingLinksWhenACampaignRuns(SharedStack stack)
            throws Exception {
        // given: scoring-stream with three concerts along taste axes 0, 1, 2 and three guests
        startScoring(stack);
        start(LocalSinks.EMAIL, Map.of());
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            catalogue(producer);
            // anna likes 0 > 1 > 2; bo likes 2 > 1 and hardly 0 (below the threshold); carl gets no e-mail (WEB only)
            guest(producer, "GUEST_ID:anna", "anna@example.org", "Anna", "en", List.of(Channel.WEB, Channel.EMAIL),
                    Map.of(0, 0.8f, 1, 0.5f, 2, 0.3f));
            guest(producer, "GUEST_ID:bo", "bo@example.org", "Bo", "da", List.of(Channel.WEB, Channel.EMAIL),
                    Map.of(0, 0.1f, 1, 0.3f, 2, 0.9f));
            guest(producer, "GUEST_ID:carl", "carl@example.org", "Carl", "en", List.of(Channel.WEB),
                    Map.of(0, 0.9f));
        }
        awaitScored("GUEST_ID:anna", "GUEST_ID:bo", "GUEST_ID:carl");

        // when
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            send(producer, topics.campaigns(), "autumn", Campaign.newBuilder().setCampaignId("autumn")
                    .setKind(CampaignKind.NEWSLETTER).setChannel(Channel.EMAIL).setConcertIds(List.of())
                    .setRelevanceThreshold(0.2).setMaxItemsPerRecipient(3).setSubject("Autumn at the hall")
                    .setRequestedAt(Instant.now()).build());
        }

        // then: one e-mail each to anna and bo, with their concerts in order of relevance
        await().atMost(DELIVERED_WITHIN).until(() -> smtp.count() >= 2);
        Map<String, EmailSend> sends = emailSends(stack, 2);
        List<CapturedEmail> emails = smtp.emails();
        assertThat(emails).extracting(email -> email.to().get(0))
                .containsExactlyInAnyOrder("anna@example.org", "bo@example.org");
        assertEmail(emails, sends, "GUEST_ID:anna", "anna@example.org", "Dear Anna", "k-0", "k-1", "k-2");
        assertEmail(emails, sends, "GUEST_ID:bo", "bo@example.org", "Kære Bo", "k-2", "k-1");
    }

    @Test
    void shouldUploadHashedMembersInBatchesOfTheConfiguredSizeWhenConcertAudiencesChange(SharedStack stack) {
        // given: batches of at most 3 hashes
        start(LocalSinks.ADS, Map.of("ads.batch.size", "3"));
        List<AudienceMember> first = new ArrayList<>();
        for (int g = 0; g < 7; g++) {
            // the first member also has a cookie: never uploadable, so never sent
            first.add(g == 0 ? member("g-0", "Guest0@Example.org ", false, new GuestIdentifier(IdentifierType.COOKIE, "cookie-0"))
                    : member("g-" + g, "guest" + g + "@example.org", false));
        }
        AudienceMember twin = member("g-9", "twin@example.org", true);
        AudienceMember newcomer = member("g-8", "guest8@example.org", false);

        // when: the audience is created, then two members leave and one joins
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            List<AudienceMember> withTwin = new ArrayList<>(first);
            withTwin.add(twin);
            send(producer, topics.concertAudiences(), "k-7", audience("k-7", 1, withTwin, withTwin, List.of()));
            List<AudienceMember> second = new ArrayList<>(withTwin.subList(2, withTwin.size()));
            second.add(newcomer);
            send(producer, topics.concertAudiences(), "k-7", audience("k-7", 2, second, List.of(newcomer),
                    first.subList(0, 2)));
        }

        // then: the members are the SHA-256 hex of the trimmed, lower-cased e-mails
        List<String> hashes = new ArrayList<>();
        for (int g = 0; g < 7; g++) {
            hashes.add(emailHash("guest" + g + "@example.org"));
        }
        assertThat(hashes.get(0)).isEqualTo(sha256Hex("guest0@example.org")).matches("[0-9a-f]{64}");
        List<String> expected = new ArrayList<>(hashes.subList(2, 7));
        expected.add(emailHash("guest8@example.org"));
        await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
            assertThat(ads.members("k-7")).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ads.members("k-7-lookalike")).containsExactly(emailHash("twin@example.org"));
        });
        // and the requests: 7 additions as 3 + 3 + 1, then one request adding 1 and removing 2 (additions first)
        List<LocalAdPlatform.MembersRequest> own = ads.requests().stream()
                .filter(request -> request.audienceId().equals("k-7")).toList();
        assertThat(own).extracting(LocalAdPlatform.MembersRequest::size).containsExactly(3, 3, 1, 3);
        assertThat(own.subList(0, 3).stream().flatMap(request -> request.add().stream())).containsExactlyElementsOf(hashes);
        assertThat(own.get(3).add()).containsExactly(emailHash("guest8@example.org"));
        assertThat(own.get(3).remove()).containsExactly(hashes.get(0), hashes.get(1));
        assertThat(ads.requests()).allSatisfy(request -> {
            assertThat(request.add()).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
            assertThat(request.add()).doesNotContain("cookie-0");
        });
        assertThat(ads.audienceSizes()).containsExactly(Map.entry("k-7", 6), Map.entry("k-7-lookalike", 1));

        // when: the concert's audience is tombstoned (the concert is over)
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topics.concertAudiences().name(), "k-7", null));
        }
        // then: both of its audiences are deleted at the platform
        await().atMost(DELIVERED_WITHIN).untilAsserted(() -> assertThat(ads.audienceSizes()).isEmpty());
    }

    @Test
    void shouldWriteOnePdfAndOneManifestLinePerRecipientWhenABrochureCampaignRuns(SharedStack stack) throws Exception {
        // given: scoring-stream and the print sink; anna and bo allow print and have addresses, carl has none
        startScoring(stack);
        start(LocalSinks.PRINT, Map.of());
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            catalogue(producer);
            guest(producer, "GUEST_ID:anna", "anna@example.org", "Anna", "en", List.of(Channel.WEB, Channel.PRINT),
                    Map.of(0, 0.8f, 1, 0.5f, 2, 0.3f));
            guest(producer, "GUEST_ID:bo", "bo@example.org", "Bo", "da", List.of(Channel.WEB, Channel.PRINT),
                    Map.of(0, 0.1f, 1, 0.3f, 2, 0.9f));
            guest(producer, "GUEST_ID:carl", "carl@example.org", "Carl", "en", List.of(Channel.WEB, Channel.PRINT),
                    Map.of(0, 0.9f));
            for (String guestId : List.of("GUEST_ID:anna", "GUEST_ID:bo")) {
                send(producer, topics.guestContacts(), guestId, GuestContact.newBuilder(SinkTraffic.contact(guestId,
                                guestId.substring(9) + "@example.org", guestId.substring(9, 10).toUpperCase() + guestId.substring(10),
                                guestId.endsWith("bo") ? "da" : "en"))
                        .setLastName("Larsen").setPostalAddress(PostalAddress.newBuilder().setLines(List.of("Vesterbrogade 3"))
                                .setPostalCode("1620").setCity("København V").setCountry("DK").build()).build());
            }
        }
        awaitScored("GUEST_ID:anna", "GUEST_ID:bo", "GUEST_ID:carl");

        // when
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            send(producer, topics.campaigns(), "season", Campaign.newBuilder().setCampaignId("season")
                    .setKind(CampaignKind.SEASON_BROCHURE).setChannel(Channel.PRINT).setConcertIds(List.of())
                    .setRelevanceThreshold(0.2).setMaxItemsPerRecipient(2).setSubject("Your season")
                    .setRequestedAt(Instant.now()).build());
        }

        // then: a PDF each for anna and bo, and a manifest listing their concerts in order of relevance
        Path campaign = LocalSinks.printDirectory(targets).resolve("season");
        Path manifest = campaign.resolve("manifest.csv");
        await().atMost(DELIVERED_WITHIN).untilAsserted(() ->
                assertThat(manifest).exists().content().hasLineCount(3));
        List<String> lines = Files.readAllLines(manifest);
        assertThat(lines.get(0)).startsWith("send_id,file,guest_id,");
        String anna = sha256Hex("season|GUEST_ID:anna");
        String bo = sha256Hex("season|GUEST_ID:bo");
        assertThat(lines.subList(1, 3)).anySatisfy(line -> assertThat(line).startsWith(anna + "," + anna + ".pdf,GUEST_ID:anna,en,")
                        .contains("k-0|k-1"))
                .anySatisfy(line -> assertThat(line).startsWith(bo + "," + bo + ".pdf,GUEST_ID:bo,da,").contains("k-2|k-1"));
        assertThat(campaign.resolve(anna + ".pdf")).exists().content(StandardCharsets.ISO_8859_1).startsWith("%PDF-");
        assertThat(campaign.resolve(bo + ".pdf")).exists();
    }

    @Test
    void shouldUploadTheHashedEmailOfEveryGuestWithAdConsentWhenScoringStreamBuildsConcertAudiences(SharedStack stack) {
        // given: scoring-stream and the ad sink; anna and bo allow ads, carl does not
        startScoring(stack);
        start(LocalSinks.ADS, Map.of());
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            catalogue(producer);
            // when
            guest(producer, "GUEST_ID:anna", "Anna@Example.org", "Anna", "en", List.of(Channel.WEB, Channel.ADS),
                    Map.of(0, 0.8f, 1, 0.5f, 2, 0.3f));
            guest(producer, "GUEST_ID:bo", "bo@example.org", "Bo", "da", List.of(Channel.WEB, Channel.ADS),
                    Map.of(0, 0.1f, 1, 0.3f, 2, 0.9f));
            guest(producer, "GUEST_ID:carl", "carl@example.org", "Carl", "en", List.of(Channel.WEB), Map.of(0, 0.9f));
        }

        // then: every concert's audience holds exactly the SHA-256 of anna's and bo's e-mails
        List<String> allowed = List.of(emailHash("anna@example.org"), emailHash("bo@example.org"));
        await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
            for (String concert : List.of("k-0", "k-1", "k-2")) {
                assertThat(ads.members(concert)).as(concert).containsExactlyInAnyOrderElementsOf(allowed);
            }
        });
        assertThat(allowed).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(ads.requests()).flatExtracting(LocalAdPlatform.MembersRequest::add)
                .doesNotContain(emailHash("carl@example.org"))
                .allMatch(allowed::contains);
    }

    @Test
    void shouldKeepAGuestsListInRedisUnderEveryAliasAndDeleteItWhenTheListIsTombstoned(SharedStack stack)
            throws Exception {
        // given
        start(LocalSinks.WEB, Map.of());
        String guest = "GUEST_ID:g-1";
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers());
             RedisClient client = RedisClient.create(URI.create(redis.url()))) {
            send(producer, topics.guestProfiles(), guest, SinkTraffic.guest(guest, List.of(Channel.WEB), Map.of(0, 1f),
                    List.of(new GuestIdentifier(IdentifierType.COOKIE, "c-1"))));

            // when: scoring-stream's list for the guest
            send(producer, topics.recommendations(), guest + "|WEB", SinkTraffic.webList("rec-g-1", guest, "k-2", "k-0", "k-1"));
            producer.flush();

            // then: the same list under the guest id and the cookie, items in rank order
            await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
                assertThat(client.get("encore:web:set:" + guest)).isNotNull();
                assertThat(client.get("encore:web:set:COOKIE:c-1")).isNotNull();
            });
            for (String id : List.of(guest, "COOKIE:c-1")) {
                JsonNode list = json.readTree(client.get("encore:web:set:" + id));
                assertThat(list.path("recommendationId").asText()).isEqualTo("rec-g-1");
                assertThat(list.path("guestId").asText()).isEqualTo(guest);
                assertThat(list.path("items").findValuesAsText("concertId")).containsExactly("k-2", "k-0", "k-1");
            }

            // when: the list is tombstoned
            producer.send(new ProducerRecord<>(topics.recommendations().name(), guest + "|WEB", null));
            producer.flush();

            // then: gone under both keys; the guest's aliases stay
            await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
                assertThat(client.exists("encore:web:set:" + guest)).isFalse();
                assertThat(client.exists("encore:web:set:COOKIE:c-1")).isFalse();
            });
            assertThat(client.smembers("encore:web:aliases:" + guest)).contains("COOKIE:c-1");
        }
    }

    @Test
    void shouldDeleteAnErasedGuestsRedisKeysAndRemoveItsHashFromEveryAdAudience(SharedStack stack) throws Exception {
        // given: scoring-stream, the web and ad sinks; anna and bo allow the web and ads
        startScoring(stack);
        start(LocalSinks.ADS, Map.of());
        start(LocalSinks.WEB, Map.of());
        String anna = "GUEST_ID:anna";
        String annaHash = emailHash("anna@example.org");
        String boHash = emailHash("bo@example.org");
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers());
             RedisClient client = RedisClient.create(URI.create(redis.url()))) {
            catalogue(producer);
            guest(producer, anna, "anna@example.org", "Anna", "en", List.of(Channel.WEB, Channel.ADS),
                    Map.of(0, 0.8f, 1, 0.5f, 2, 0.3f));
            guest(producer, "GUEST_ID:bo", "bo@example.org", "Bo", "da", List.of(Channel.WEB, Channel.ADS),
                    Map.of(0, 0.1f, 1, 0.3f, 2, 0.9f));
            producer.flush();
            await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
                assertThat(ads.members("k-0")).contains(annaHash, boHash);
                assertThat(client.exists("encore:web:set:" + anna)).isTrue();
                assertThat(client.exists("encore:web:set:EMAIL_SHA256:" + annaHash)).isTrue();
            });

            // when: profile-stream erases anna (the tombstone it writes, marked as an erasure)
            producer.send(new ProducerRecord<>(topics.guestProfiles().name(), null, anna, null,
                    Erasures.mark(new RecordHeaders(), "erase-anna")));
            producer.flush();

            // then: no Redis key or value names her, no platform audience holds her hash; bo is untouched
            List<String> audiences = List.of("k-0", "k-1", "k-2");
            await().atMost(DELIVERED_WITHIN).untilAsserted(() -> {
                assertThat(redisMentions(client, "anna")).isEmpty();
                for (String concert : audiences) {
                    assertThat(ads.members(concert)).as(concert).doesNotContain(annaHash);
                }
            });
            assertThat(ads.members("k-0")).contains(boHash);
            assertThat(client.exists("encore:web:set:GUEST_ID:bo")).isTrue();
            long removals = ads.requests().stream().filter(request -> request.remove().contains(annaHash)).count();
            System.out.printf("%nConnectSinksIT erasure reconciled: %d Redis keys scanned, 0 name the guest; "
                    + "her hash removed by %d platform request(s), in none of the %d audiences now%n",
                    client.keys("*").size(), removals, audiences.size());
        }
    }

    /** Redis keys whose name or value (string or set member) contains {@code needle}. */
    private static List<String> redisMentions(RedisClient client, String needle) {
        List<String> found = new ArrayList<>();
        for (String key : client.keys("*")) {
            String type = client.type(key);
            String value = switch (type) {
                case "string" -> client.get(key);
                case "set" -> String.join(",", client.smembers(key));
                default -> "";
            };
            if (key.contains(needle) || value != null && value.contains(needle)) {
                found.add(key);
            }
        }
        return found;
    }

    @Test
    void shouldSendNoSecondEmailWhenTheWorkerRedeliversEverySendAfterItsOffsetsAreReset(SharedStack stack)
            throws Exception {
        // given: three sends delivered
        String name = start(LocalSinks.EMAIL, Map.of("mail.rate.per.second", "100"));
        List<EmailSend> sends = List.of(
                SinkTraffic.emailSend("winter", "GUEST_ID:a", "a@example.org", "k-1", "k-2"),
                SinkTraffic.emailSend("winter", "GUEST_ID:b", "b@example.org", "k-2"),
                SinkTraffic.emailSend("winter", "GUEST_ID:c", "c@example.org", "k-3"));
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            sends.forEach(send -> send(producer, topics.emailSends(), send.getSendId(), send));
        }
        await().atMost(DELIVERED_WITHIN).until(() -> smtp.count() == 3);
        Map<TopicPartition, Long> end = endOffsets(stack, topics.emailSends().name());
        awaitCommitted(stack, name, end);

        // when: the connector is stopped, its offsets deleted (KIP-875) and it is resumed
        connect.rest().stop(name);
        connect.rest().resetOffsets(name);
        assertThat(committed(stack, name)).as("offsets after the reset").isEmpty();
        connect.rest().resume(name);

        // then: the worker read every send again (its committed offsets are back at the end) and sent nothing twice
        awaitCommitted(stack, name, end);
        assertThat(smtp.emails()).extracting(CapturedEmail::sendId)
                .containsExactlyInAnyOrderElementsOf(sends.stream().map(EmailSend::getSendId).toList());
        assertThat(smtp.emails()).extracting(CapturedEmail::messageId)
                .containsExactlyInAnyOrderElementsOf(sends.stream().map(send -> "<" + send.getSendId() + "@encore>").toList());
    }

    /** Registers {@code sink} for this test's topics and stand-ins, with {@code overrides}; waits until it runs. */
    private String start(LocalSinks.Sink sink, Map<String, String> overrides) {
        Map<String, String> config = sink.config(targets);
        config.putAll(overrides);
        String name = sink.connectorName(targets);
        LocalChannels.createDeadLetterTopics(bootstrapServers, targets, List.of(sink));
        connectors.add(name);
        connect.rest().putConnector(name, config);
        return name;
    }

    private void startScoring(SharedStack stack) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        settings.put(EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl());
        settings.put(EncoreConfig.TOPIC_PREFIX_CONFIG, names.topicPrefix());
        settings.put("application.id", names.applicationId() + "-scoring");
        settings.put("state.dir", stateDir.resolve("scoring").toString());
        settings.put("commit.interval.ms", 200);
        settings.put(ScoringStreamConfig.HTTP_HOST_CONFIG, HOST);
        settings.put(ScoringStreamConfig.HTTP_ADVERTISED_HOST_CONFIG, HOST);
        settings.put(ScoringStreamConfig.HTTP_PORT_CONFIG, Ports.free(HOST));
        scoring = ScoringStreamApp.create(new ScoringStreamConfig(ItTokens.put(settings))).start();
    }

    /** Concerts k-0, k-1, k-2 on sale in three weeks, each along its own taste axis 0, 1, 2. */
    private void catalogue(KafkaProducer<String, byte[]> producer) {
        for (int k = 0; k < 3; k++) {
            send(producer, topics.concerts(), "k-" + k, SinkTraffic.concert("k-" + k, "Concert number " + k, 20 + k));
            send(producer, topics.concertProfiles(), "k-" + k, SinkTraffic.concertProfile("k-" + k, k));
        }
    }

    private void guest(KafkaProducer<String, byte[]> producer, String guestId, String email, String firstName,
                       String language, List<Channel> channels, Map<Integer, Float> taste) {
        send(producer, topics.guestContacts(), guestId, SinkTraffic.contact(guestId, email, firstName, language));
        send(producer, topics.guestProfiles(), guestId, SinkTraffic.guest(guestId, channels, taste,
                List.of(new GuestIdentifier(IdentifierType.EMAIL_SHA256, emailHash(email)))));
    }

    /** Waits until scoring-stream holds each guest with the whole catalogue, so a campaign sees them all. */
    private void awaitScored(String... guestIds) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(DELIVERED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String guestId : guestIds) {
                HttpResponse<String> response = http.send(ItTokens.bearer(HttpRequest.newBuilder(URI.create(
                                "http://" + HOST + ":" + scoring.httpPort() + "/guests/" + guestId + "/recommendations?channel=web")),
                        ItTokens.QUERY).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(guestId + ": " + response.body()).isEqualTo(200);
                assertThat(json.readTree(response.body()).path("items").size()).as(guestId).isEqualTo(3);
            }
        });
    }

    /** The committed {@code email-sends} records, by guest id. */
    private Map<String, EmailSend> emailSends(SharedStack stack, int expected) {
        Map<String, EmailSend> sends = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = ItTraffic.committedConsumer(stack.bootstrapServers())) {
            consumer.subscribe(List.of(topics.emailSends().name()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EmailSend send = topics.emailSends().valueSerde().deserializer().deserialize(record.topic(), record.value());
                    sends.put(send.getGuestId(), send);
                }
                return sends.size() >= expected;
            });
        }
        return sends;
    }

    private static void assertEmail(List<CapturedEmail> emails, Map<String, EmailSend> sends, String guestId,
                                    String address, String greeting, String... concertIds) {
        String sendId = sha256Hex("autumn|" + guestId);
        CapturedEmail email = emails.stream().filter(e -> e.to().contains(address)).findFirst().orElseThrow();
        assertThat(email.sendId()).isEqualTo(sendId);
        assertThat(email.messageId()).isEqualTo("<" + sendId + "@encore>");
        assertThat(email.subject()).isEqualTo("Autumn at the hall");
        assertThat(email.text()).startsWith(greeting);
        EmailSend send = sends.get(guestId);
        assertThat(send.getSendId()).isEqualTo(sendId);
        String recommendationId = send.getItems().get(0).getRecommendationId();
        assertThat(RecommendationIds.parse(recommendationId)).hasValueSatisfying(issued -> {
            assertThat(issued.channel()).isEqualTo("EMAIL");
            assertThat(issued.arm()).isEqualTo("campaign-newsletter");
        });
        // every card's links (image, title, "read more") go through the tracking host, cards in relevance order
        List<String[]> links = trackingLinks(email.html());
        assertThat(links).allSatisfy(link -> {
            assertThat(link[0]).isEqualTo(sendId);
            assertThat(link[2]).isEqualTo(recommendationId);
        });
        assertThat(links.stream().map(link -> link[1]).distinct()).containsExactly(concertIds);
        assertThat(email.text()).contains(SITE + "/t/c/" + sendId + "/" + concertIds[0] + "?rec=");
    }

    /** Each tracking link of the HTML as {sendId, concertId, rec}, decoded, in document order. */
    private static List<String[]> trackingLinks(String html) {
        List<String[]> links = new ArrayList<>();
        Matcher matcher = TRACKING_LINK.matcher(html);
        while (matcher.find()) {
            links.add(new String[] {decode(matcher.group(1)), decode(matcher.group(2)), decode(matcher.group(3))});
        }
        assertThat(links).as("tracking links in %s", html).isNotEmpty();
        return links;
    }

    private static String decode(String htmlEscaped) {
        return URLDecoder.decode(htmlEscaped.replace("&amp;", "&"), StandardCharsets.UTF_8);
    }

    private static Map<TopicPartition, Long> endOffsets(SharedStack stack, String topic) throws Exception {
        try (Admin admin = stack.admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(entry -> entry.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** The sink's committed offsets: a sink connector's consumer group is {@code connect-<name>}. */
    private static Map<TopicPartition, Long> committed(SharedStack stack, String connector) throws Exception {
        try (Admin admin = stack.admin()) {
            return admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    private static void awaitCommitted(SharedStack stack, String connector, Map<TopicPartition, Long> end) {
        await().atMost(DELIVERED_WITHIN).untilAsserted(() -> assertThat(committed(stack, connector)).containsAllEntriesOf(end));
    }
}
