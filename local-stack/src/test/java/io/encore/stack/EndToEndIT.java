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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.ScoringStreamApp;
import io.encore.scoring.config.ScoringStreamConfig;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Both apps on the real broker and registry under exactly_once_v2: events go into profile-stream's input
 * topics, recommendation changes come out of scoring-stream and are read by a read_committed consumer.
 */
@ExtendWith(LocalStackExtension.class)
class EndToEndIT {

    private static final int GUESTS = 40;
    private static final int CONCERTS = 12;
    private static final Instant START = Instant.now().minus(Duration.ofDays(1));

    private final Path stateDir = ItTraffic.stateDir("e2e");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
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
    void shouldPublishRecommendationChangesForEveryGuestWhenBehaviourFlowsIntoProfileStream(SharedStack stack,
                                                                                          TestNames names)
            throws Exception {
        // given: both apps, exactly_once_v2 (their default)
        ProfileStreamConfig profileConfig = new ProfileStreamConfig(StreamAppSettings.of(stack, names, stateDir, "profile"));
        TopicCatalogue topics = profileConfig.encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        profile = ProfileStreamApp.create(profileConfig).start();
        scoring = ScoringStreamApp.create(new ScoringStreamConfig(StreamAppSettings.of(stack, names, stateDir, "scoring"))).start();

        // when: a catalogue, views and purchases for every guest, a few anonymous visitors who log in
        Set<String> expectedGuests = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, START));
            }
            producer.flush();
            for (int g = 0; g < GUESTS; g++) {
                expectedGuests.add(feed(producer, topics, g));
            }
        }

        // then: every guest's WEB list arrives as committed recommendation changes, without bought concerts
        Map<String, RecommendationChange> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            consumer.subscribe(List.of(topics.recommendationChanges().name()));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    RecommendationChange change = topics.recommendationChanges().valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    latest.put(change.getGuestId(), change);
                }
                assertThat(latest.keySet()).containsAll(expectedGuests);
                // the purchase reaches the list once profile-stream has processed it: bought concerts leave
                assertThat(latest.get("GUEST_ID:g-3").getConcertIds()).doesNotContain("c-3");
            });
        }
        assertThat(latest.values()).allSatisfy(change -> {
            assertThat(change.getChannel()).isEqualTo(Channel.WEB);
            assertThat(change.getConcertIds()).isNotEmpty();
        });
        // the alias lookup is served from a global store that follows the aliases topic a moment behind
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode viaAlias = get(scoring.httpPort(), "/guests/COOKIE:cookie-0/recommendations?channel=web");
            assertThat(viaAlias.path("guestId").asText()).isEqualTo("GUEST_ID:g-0");
            assertThat(viaAlias.path("items").size()).isPositive();
        });
    }

    /** One guest's events; returns the guest id that must get a list. */
    private static String feed(KafkaProducer<String, byte[]> producer, TopicCatalogue topics, int g) {
        GuestIdentifier guest = new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + g);
        GuestIdentifier cookie = new GuestIdentifier(IdentifierType.COOKIE, "cookie-" + g);
        boolean anonymousFirst = g % 5 == 0;
        for (int v = 0; v < 3; v++) {
            GuestIdentifier who = anonymousFirst && v == 0 ? cookie : guest;
            send(producer, topics.clickEvents(), key(who), click("v-" + g + "-" + v, who, "c-" + ((g + v) % CONCERTS),
                    v == 1 ? ClickType.FAVOURITE : ClickType.PAGE_VIEW, START.plus(Duration.ofMinutes(v))));
        }
        if (anonymousFirst) {
            send(producer, topics.identityLinks(), key(cookie), IdentityLink.newBuilder().setEventId("l-" + g)
                    .setOccurredAt(START.plusSeconds(600)).setFrom(cookie).setTo(guest).setReason(LinkReason.LOGIN)
                    .setSource("it").build());
        }
        if (g % 3 == 0) {
            send(producer, topics.ticketSales(), key(guest), TicketSale.newBuilder().setEventId("p-" + g)
                    .setOccurredAt(START.plusSeconds(1200)).setIdentifier(guest).setType(TicketSaleType.PURCHASE)
                    .setOrderId("o-" + g).setConcertId("c-" + (g % CONCERTS)).setSalesChannel(SalesChannel.WEB)
                    .setSeats(2).setAmountMinor(40_000).setCurrency("DKK").setSource("it").build());
        }
        return key(guest);
    }


    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(ItTokens.bearer(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + path)), ItTokens.QUERY).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

}
