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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * profile-stream on the real broker and registry, 4 partitions, two instances: a few hundred guests' events
 * go in, and every profile comes back through one instance's HTTP API — from its own partitions or forwarded
 * from the other instance's — including one through an alias; segment counts add up across both.
 */
@ExtendWith(LocalStackExtension.class)
class ProfileStreamIT {

    private static final int GUESTS = 300;
    private static final int CONCERTS = 12;
    private static final int VIEWS_PER_GUEST = 3;
    private static final Instant START = Instant.now().minus(Duration.ofDays(2));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Path stateDir = ItTraffic.stateDir("profile");
    private final List<StreamsApp> instances = new ArrayList<>();
    private StreamsApp app;

    @AfterEach
    void stop() throws IOException {
        instances.forEach(StreamsApp::close);
        Directories.deleteRecursively(stateDir);
    }

    @Test
    void shouldServeEveryGuestsProfileAndResolveAnAliasWhenEventsFlowThroughTheBroker(SharedStack stack, TestNames names)
            throws Exception {
        // given: the topics and two instances of profile-stream sharing the partitions
        ProfileStreamConfig config = config(stack, names, "a");
        TopicCatalogue topics = config.encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        app = start(config);
        StreamsApp other = start(config(stack, names, "b"));
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/health/ready").status() == 200
                && get(other, "/health/ready").status() == 200);

        // when: concerts, then views and purchases for every guest, a fifth of them first as anonymous cookies
        Map<String, Long> expectedEvents = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, START));
            }
            producer.flush();
            for (int g = 0; g < GUESTS; g++) {
                expectedEvents.put("GUEST_ID:g-" + g, feedGuest(producer, topics, g));
            }
        }

        // then: every profile is served with every event counted, and an alias resolves to its guest
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, Long> guest : expectedEvents.entrySet()) {
                JsonNode profile = get("/guests/" + guest.getKey() + "/profile").body();
                assertThat(profile.path("eventCount").asLong()).as(guest.getKey()).isEqualTo(guest.getValue());
            }
        });
        Reply alias = get("/guests/COOKIE:cookie-0/profile");
        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.body().path("guestId").asText()).isEqualTo("GUEST_ID:g-0");
        assertThat(alias.body().path("aliases").get(0).path("value").asText()).isEqualTo("cookie-0");
        JsonNode segments = get("/segments").body();
        assertThat(segments.path("guests").asLong()).isEqualTo(GUESTS);
        assertThat(get(other, "/segments").body().path("cells")).isEqualTo(segments.path("cells"));
        assertThat(segments.path("segments").path("NEW").asLong()).isEqualTo(GUESTS / 3);
        assertThat(get("/concerts/c-1/profile").body().path("concepts").size()).isPositive();
        assertThat(get("/guests/GUEST_ID:nobody/profile").status()).isEqualTo(404);
        assertThat(get("/guests/not-an-id/profile").status()).isEqualTo(400);
        assertThat(get("/health/ready").status()).isEqualTo(200);
        // and: the tokens decide on both instances, forwarded requests included
        assertThat(get("/guests/GUEST_ID:g-0/profile", null).status()).isEqualTo(401);
        assertThat(get("/segments", ItTokens.QUERY).status()).isEqualTo(403);
        assertThat(get(other, "/guests/GUEST_ID:g-1/profile/explain", ItTokens.ADMIN).status()).isEqualTo(200);
        assertThat(get("/health/live", null).status()).isEqualTo(200);
        assertThat(deadLetters(stack, topics)).as("every record was valid").isZero();
    }

    private static int deadLetters(SharedStack stack, TopicCatalogue topics) {
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            TopicPartition partition = new TopicPartition(topics.deadLetters().name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return consumer.poll(Duration.ofSeconds(2)).count();
        }
    }

    private ProfileStreamConfig config(SharedStack stack, TestNames names, String instance) {
        return ProfileStreamInstance.config(stack, names, stateDir.resolve(instance));
    }

    private StreamsApp start(ProfileStreamConfig config) {
        StreamsApp instance = ProfileStreamApp.create(config).start();
        instances.add(instance);
        return instance;
    }

    /** One guest's events; returns how many of them the profile should count. */
    private long feedGuest(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, int g) {
        GuestIdentifier guest = new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + g);
        GuestIdentifier cookie = new GuestIdentifier(IdentifierType.COOKIE, "cookie-" + g);
        boolean anonymousFirst = g % 5 == 0;
        long events = 0;
        for (int v = 0; v < VIEWS_PER_GUEST; v++) {
            GuestIdentifier who = anonymousFirst && v == 0 ? cookie : guest;
            send(producer, topics.clickEvents(), key(who), click("v-" + g + "-" + v, who, "c-" + ((g + v) % CONCERTS), ClickType.PAGE_VIEW,
                    START.plus(Duration.ofMinutes(v))));
            events++;
        }
        if (anonymousFirst) {
            send(producer, topics.identityLinks(), key(cookie), link(g, cookie, guest));
        }
        if (g % 3 == 0) {
            send(producer, topics.ticketSales(), key(guest), purchase(g, guest));
            events++;
        }
        return events;
    }

    private static IdentityLink link(int g, GuestIdentifier cookie, GuestIdentifier guest) {
        return IdentityLink.newBuilder()
                .setEventId("l-" + g).setOccurredAt(START.plus(Duration.ofMinutes(10))).setFrom(cookie).setTo(guest)
                .setReason(LinkReason.LOGIN).setSource("it").build();
    }

    private static TicketSale purchase(int g, GuestIdentifier guest) {
        return TicketSale.newBuilder()
                .setEventId("p-" + g).setOccurredAt(START.plus(Duration.ofMinutes(20))).setIdentifier(guest)
                .setType(TicketSaleType.PURCHASE).setOrderId("o-" + g).setConcertId("c-" + (g % CONCERTS))
                .setSalesChannel(SalesChannel.WEB).setSeats(2).setAmountMinor(40_000 + g * 100L).setCurrency("DKK")
                .setSource("it").build();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return get(app, path);
    }

    private Reply get(String path, String token) throws IOException, InterruptedException {
        return get(app, path, token);
    }

    /** With the admin token for /segments, the query token for the rest: what a caller of each would hold. */
    private Reply get(StreamsApp instance, String path) throws IOException, InterruptedException {
        return get(instance, path, path.startsWith("/segments") ? ItTokens.ADMIN : ItTokens.QUERY);
    }

    private Reply get(StreamsApp instance, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            ItTokens.bearer(request, token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }

}
