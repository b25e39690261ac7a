package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GeoLocation;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.registry.HttpSchemaRegistryClient;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.serde.AvroSerializer;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * What Encore's Avro serde writes is readable by a client that shares none of its code: kafkajs with
 * {@code @kafkajs/confluent-schema-registry} (src/test/node) consumes the topic from the real broker, fetches
 * the writer schema from the real registry by the id in the Confluent wire-format header, and decodes.
 *
 * <p>Needs Node 20+ and npm on the PATH and the npm registry reachable; the test installs the pinned packages
 * itself ({@code npm ci} into target/node-interop, skipped while node_modules matches the lock).
 */
@ExtendWith(LocalStackExtension.class)
class KafkajsInteropIT {

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> NODE_FILES = List.of("package.json", "package-lock.json", "decode.mjs");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDecodeEveryFieldWithKafkajsWhenEncoreSerdeWroteTheRecords(SharedStack stack, TestNames names)
            throws ExecutionException, InterruptedException, IOException {
        // given: the Node client installed, a new topic, and three records written by Encore's serde
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        NodeScript client = NodeScript.install(moduleDir.resolve("src/test/node"), moduleDir.resolve("target/node-interop"),
                NODE_FILES);
        String topic = names.topic("click-events");
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        List<ClickEvent> events = List.of(
                ClickEvent.newBuilder()
                        .setEventId("evt-kafkajs-1")
                        .setOccurredAt(Instant.parse("2026-11-23T19:30:00.123Z"))
                        .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "c-1"))
                        .setSessionId("session-1")
                        .setType(ClickType.FAVOURITE)
                        .setConcertId("concert-1")
                        .setPageUrl("https://hall.example/concerts/1")
                        .setLocation(new GeoLocation("København", "DK"))
                        .setLanguage("da")
                        .setSource("kafkajs-it")
                        .build(),
                ClickEvent.newBuilder()
                        .setEventId("evt-kafkajs-2")
                        .setOccurredAt(Instant.parse("2026-11-24T08:00:00Z"))
                        .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, "guest-2"))
                        .setSessionId("session-2")
                        .setType(ClickType.ARTIST_SEARCH)
                        .setSearchQuery("Carl Nielsen symfoni")
                        .setPerformer("carl nielsen")
                        .setPageUrl("https://hall.example/search")
                        .setReferrerUrl("https://news.example/letter")
                        .setDevice(Device.MOBILE)
                        .setChannel(Channel.APP)
                        .setSource("kafkajs-it")
                        .build(),
                ClickEvent.newBuilder()
                        .setEventId("evt-kafkajs-3")
                        .setOccurredAt(Instant.parse("2027-01-02T03:04:05.678Z"))
                        .setIdentifier(new GuestIdentifier(IdentifierType.LOYALTY_CARD, "700012345"))
                        .setSessionId("session-3")
                        .setType(ClickType.CALENDAR_BROWSE)
                        .setCalendarFrom(Instant.parse("2027-02-01T00:00:00Z"))
                        .setCalendarTo(Instant.parse("2027-03-01T00:00:00Z"))
                        .setPageUrl("https://hall.example/calendar")
                        .setRecommendationId("rec-9")
                        .setSource("kafkajs-it")
                        .build());
        AvroSerializer<ClickEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(RegistryClientConfig.URL_CONFIG, stack.registryUrl()), false);
        try (KafkaProducer<String, ClickEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(), serializer)) {
            for (ClickEvent event : events) {
                producer.send(new ProducerRecord<>(topic, keyOf(event), event)).get();
            }
        }
        int schemaId = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()))
                .lookup(topic + "-value", ClickEvent.getClassSchema());

        // when
        NodeScript.Run node = client.node(NODE_TIMEOUT, List.of("decode.mjs",
                "--bootstrap", stack.bootstrapServers(),
                "--registry", stack.registryUrl(),
                "--topic", topic,
                "--count", Integer.toString(events.size()),
                "--timeout-ms", Long.toString(NODE_TIMEOUT.minusSeconds(10).toMillis()),
                "--group", names.groupId()), line -> { });

        // then
        assertThat(node.exitCode()).as(node.describe()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : node.output().split("\\R")) {
            if (line.startsWith("{")) { // the decoded records; anything else is node's own diagnostics
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as(node.describe()).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertDecoded(lines.get(i), events.get(i), schemaId, node);
        }
    }

    private static void assertDecoded(JsonNode line, ClickEvent expected, int schemaId, NodeScript.Run node) {
        String context = "record " + expected.getEventId() + " as decoded by kafkajs: " + line + "\n" + node.describe();
        assertThat(line.path("key").asText()).as(context).isEqualTo(keyOf(expected));
        assertThat(line.path("schemaId").isInt()).as(context).isTrue();
        assertThat(line.path("schemaId").asInt()).as(context).isEqualTo(schemaId);

        JsonNode value = line.path("value");
        assertThat(value.path("eventId").asText()).as(context).isEqualTo(expected.getEventId());
        assertThat(value.path("occurredAt").isIntegralNumber()).as(context).isTrue();
        assertThat(value.path("occurredAt").asLong()).as(context).isEqualTo(expected.getOccurredAt().toEpochMilli());
        assertThat(value.path("identifier").path("type").asText()).as(context)
                .isEqualTo(expected.getIdentifier().getType().name());
        assertThat(value.path("identifier").path("value").asText()).as(context)
                .isEqualTo(expected.getIdentifier().getValue());
        assertThat(value.path("sessionId").asText()).as(context).isEqualTo(expected.getSessionId());
        assertThat(value.path("type").asText()).as(context).isEqualTo(expected.getType().name());
        assertThat(value.path("channel").asText()).as(context).isEqualTo(expected.getChannel().name());
        assertOptionalText(value, "concertId", expected.getConcertId(), context);
        assertOptionalText(value, "searchQuery", expected.getSearchQuery(), context);
        assertOptionalText(value, "performer", expected.getPerformer(), context);
        assertOptionalMillis(value, "calendarFrom", expected.getCalendarFrom(), context);
        assertOptionalMillis(value, "calendarTo", expected.getCalendarTo(), context);
        assertThat(value.path("pageUrl").asText()).as(context).isEqualTo(expected.getPageUrl());
        assertOptionalText(value, "referrerUrl", expected.getReferrerUrl(), context);
        assertOptionalText(value, "recommendationId", expected.getRecommendationId(), context);
        assertThat(value.path("device").asText()).as(context).isEqualTo(expected.getDevice().name());
        if (expected.getLocation() == null) {
            assertNull(value, "location", context);
        } else {
            assertOptionalText(value.path("location"), "city", expected.getLocation().getCity(), context);
            assertOptionalText(value.path("location"), "country", expected.getLocation().getCountry(), context);
        }
        assertOptionalText(value, "language", expected.getLanguage(), context);
        assertThat(value.path("source").asText()).as(context).isEqualTo(expected.getSource());
    }

    private static void assertOptionalText(JsonNode parent, String field, String expected, String context) {
        if (expected == null) {
            assertNull(parent, field, context);
        } else {
            assertThat(parent.path(field).isTextual()).as(field + " is text; " + context).isTrue();
            assertThat(parent.path(field).asText()).as(field + "; " + context).isEqualTo(expected);
        }
    }

    private static void assertOptionalMillis(JsonNode parent, String field, Instant expected, String context) {
        if (expected == null) {
            assertNull(parent, field, context);
        } else {
            assertThat(parent.path(field).isIntegralNumber()).as(field + " is a number; " + context).isTrue();
            assertThat(parent.path(field).asLong()).as(field + "; " + context).isEqualTo(expected.toEpochMilli());
        }
    }

    /** Present and null: the union's null branch, not a field the decoder dropped. */
    private static void assertNull(JsonNode parent, String field, String context) {
        assertThat(parent.has(field)).as(field + " is present; " + context).isTrue();
        assertThat(parent.get(field).isNull()).as(field + " is null; " + context).isTrue();
    }

    private static String keyOf(ClickEvent event) {
        return event.getIdentifier().getType() + ":" + event.getIdentifier().getValue();
    }
}
