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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.errors.SizeLimit;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Bad input loses nothing: 10,000 malformed records of eight kinds, mixed at random into valid clicks on the
 * real broker and registry, all land in {@code dead-letters} with a reason, every valid click is counted in its
 * guest's profile, and the counts reconcile — records in = events counted + records dead-lettered.
 */
@ExtendWith(LocalStackExtension.class)
class BadInputIT {

    private static final int GUESTS = 100;
    private static final int CLICKS_PER_GUEST = 20;
    private static final int CONCERTS = 10;
    private static final Instant START = Instant.now().minus(Duration.ofDays(1));
    private static final String MARKER = "QQQQQQQQ"; // identifier bytes the non-UTF-8 kind overwrites

    /** The kinds of bad input, how many of each, and the stage that must catch them. */
    private enum Kind {
        RANDOM_BYTES(1_900, "DESERIALIZATION"),
        OVERSIZED_PAYLOAD(100, "DESERIALIZATION"),
        WRONG_MAGIC_BYTE(1_500, "DESERIALIZATION"),
        UNKNOWN_SCHEMA_ID(1_500, "DESERIALIZATION"),
        MISSING_REQUIRED_FIELDS(1_500, "DESERIALIZATION"),
        UNKNOWN_ENUM_SYMBOL(1_500, "PROCESSING"),
        FAR_FUTURE_TIMESTAMP(1_000, "PROCESSING"),
        NON_UTF8_IDENTIFIER(1_000, "PROCESSING");

        final int count;
        final String stage;

        Kind(int count, String stage) {
            this.count = count;
            this.stage = stage;
        }
    }

    private final Path stateDir = ItTraffic.stateDir("bad-input");
    private final Random random = new Random(20261123);
    private StreamsApp app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        Directories.deleteRecursively(stateDir);
    }

    @Test
    void shouldDeadLetterEveryMalformedRecordAndCountEveryValidOne(SharedStack stack, TestNames names) throws Exception {
        // given: profile-stream on the topics, and the concerts the clicks are about
        ProfileStreamConfig config = ProfileStreamInstance.config(stack, names, stateDir);
        TopicCatalogue topics = config.encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        app = ProfileStreamApp.create(config).start();
        AvroWireFormat format = config.encore().wireFormat();
        String clicks = topics.clickEvents().name();
        Map<Kind, byte[][]> bad = malformed(format, topics, clicks);
        List<ProducerRecord<String, byte[]>> traffic = new ArrayList<>();
        Map<String, Integer> validPerGuest = new TreeMap<>();
        for (int g = 0; g < GUESTS; g++) {
            GuestIdentifier guest = new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + g);
            for (int c = 0; c < CLICKS_PER_GUEST; c++) {
                ClickEvent click = click("ok-" + g + "-" + c, guest, "c-" + ((g + c) % CONCERTS), ClickType.PAGE_VIEW,
                        START.plus(Duration.ofSeconds(c)));
                traffic.add(new ProducerRecord<>(clicks, key(guest),
                        topics.clickEvents().valueSerde().serializer().serialize(clicks, click)));
            }
            validPerGuest.put(key(guest), CLICKS_PER_GUEST);
        }
        bad.values().forEach(payloads -> Arrays.stream(payloads).forEach(payload ->
                traffic.add(new ProducerRecord<>(clicks, "GUEST_ID:g-" + random.nextInt(GUESTS), payload))));
        Collections.shuffle(traffic, random);

        // when: the concerts, then valid and malformed clicks in random order
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            for (int c = 0; c < CONCERTS; c++) {
                send(producer, topics.concerts(), "c-" + c, concert(c, START));
            }
            producer.flush();
            traffic.forEach(producer::send);
        }

        // then: every valid click counted once in its guest's profile
        long valid = validPerGuest.values().stream().mapToLong(Integer::longValue).sum();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, Integer> guest : validPerGuest.entrySet()) {
                assertThat(eventCount(guest.getKey())).as(guest.getKey()).isEqualTo(guest.getValue().longValue());
            }
        });
        // and every malformed record dead-lettered once by profile-stream, at the stage for its kind, with a reason
        long malformed = bad.values().stream().mapToLong(payloads -> payloads.length).sum();
        List<DeadLetter> letters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            letters.clear();
            letters.addAll(deadLetters(stack, topics, names.applicationId()));
            assertThat(letters).hasSize((int) malformed);
        });
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getReason()).isNotBlank();
            assertThat(letter.getSourceTopic()).isEqualTo(clicks);
        });
        Map<String, Long> byStage = new TreeMap<>();
        letters.forEach(letter -> byStage.merge(letter.getStage().name(), 1L, Long::sum));
        Map<String, Long> expectedByStage = new TreeMap<>();
        for (Kind kind : Kind.values()) {
            expectedByStage.merge(kind.stage, (long) kind.count, Long::sum);
        }
        assertThat(byStage).isEqualTo(expectedByStage);
        Map<String, Long> reasons = new TreeMap<>();
        letters.forEach(letter -> reasons.merge(reasonKind(letter.getReason()), 1L, Long::sum));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                "wrong magic byte", (long) Kind.RANDOM_BYTES.count + Kind.WRONG_MAGIC_BYTE.count,
                "unknown schema id", (long) Kind.UNKNOWN_SCHEMA_ID.count,
                "oversized", (long) Kind.OVERSIZED_PAYLOAD.count,
                "missing required field", (long) Kind.MISSING_REQUIRED_FIELDS.count,
                "unknown type", (long) Kind.UNKNOWN_ENUM_SYMBOL.count,
                "future timestamp", (long) Kind.FAR_FUTURE_TIMESTAMP.count,
                "bad identifier", (long) Kind.NON_UTF8_IDENTIFIER.count));
        long counted = 0;
        for (String guest : validPerGuest.keySet()) {
            counted += eventCount(guest);
        }
        System.out.printf("BadInputIT reconciled: in %,d = counted %,d + dead-lettered %,d (of which %s); reasons %s%n",
                valid + malformed, counted, letters.size(), byStage, reasons);
        assertThat(counted + letters.size()).isEqualTo(valid + malformed);
    }

    /** Every kind of bad record, built from valid clicks so that exactly one thing is wrong with each. */
    private Map<Kind, byte[][]> malformed(AvroWireFormat format, TopicCatalogue topics, String clicks) {
        Map<Kind, byte[][]> bad = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byte[][] payloads = new byte[kind.count][];
            for (int i = 0; i < kind.count; i++) {
                String id = "bad-" + kind.ordinal() + "-" + i;
                GuestIdentifier who = new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + random.nextInt(GUESTS));
                ClickEvent good = click(id, who, "c-" + random.nextInt(CONCERTS), ClickType.PAGE_VIEW, START);
                byte[] valid = topics.clickEvents().valueSerde().serializer().serialize(clicks, good);
                payloads[i] = switch (kind) {
                    case RANDOM_BYTES -> {
                        byte[] noise = new byte[AvroWireFormat.HEADER_SIZE + random.nextInt(300)];
                        random.nextBytes(noise);
                        noise[0] = (byte) (1 + random.nextInt(255)); // never the wire format's magic byte
                        yield noise;
                    }
                    case OVERSIZED_PAYLOAD -> topics.clickEvents().valueSerde().serializer().serialize(clicks,
                            ClickEvent.newBuilder(good).setPageUrl("https://hall.example/?q="
                                    + "x".repeat(SizeLimit.DEFAULT_BYTES + random.nextInt(10_000))).build());
                    case WRONG_MAGIC_BYTE -> {
                        valid[0] = (byte) (1 + random.nextInt(255));
                        yield valid;
                    }
                    case UNKNOWN_SCHEMA_ID -> {
                        ByteBuffer.wrap(valid).putInt(1, 1_000_000 + random.nextInt(1_000_000));
                        yield valid;
                    }
                    case MISSING_REQUIRED_FIELDS -> withoutRequiredFields(format, id);
                    case UNKNOWN_ENUM_SYMBOL -> withSymbol(format, good, "DOUBLE_CLICK");
                    case FAR_FUTURE_TIMESTAMP -> topics.clickEvents().valueSerde().serializer().serialize(clicks,
                            ClickEvent.newBuilder(good).setOccurredAt(Instant.now().plus(Duration.ofDays(400))).build());
                    case NON_UTF8_IDENTIFIER -> notUtf8(topics.clickEvents().valueSerde().serializer().serialize(clicks,
                            ClickEvent.newBuilder(good).setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, MARKER))
                                    .build()));
                };
            }
            bad.put(kind, payloads);
        }
        return bad;
    }

    /** A click written by a producer whose schema lacks most of the fields a click requires. */
    private static byte[] withoutRequiredFields(AvroWireFormat format, String eventId) {
        Schema partial = new Schema.Parser().parse("""
                {"type": "record", "name": "ClickEvent", "namespace": "io.encore.schemas.avro",
                 "fields": [{"name": "eventId", "type": "string"}]}""");
        GenericRecord record = new org.apache.avro.generic.GenericData.Record(partial);
        record.put("eventId", eventId);
        return format.write("bad-input-partial-writer", false, partial, record);
    }

    /** A click whose writer knows a click type the readers do not. */
    private static byte[] withSymbol(AvroWireFormat format, ClickEvent click, String symbol) {
        String newer = ClickEvent.getClassSchema().toString().replace("\"SHARE\",\"UNKNOWN\"", "\"SHARE\",\"" + symbol + "\",\"UNKNOWN\"");
        Schema writer = new Schema.Parser().parse(newer);
        GenericRecord record = ProfileStreamInstance.generic(click, writer, "\"PAGE_VIEW\"", "\"" + symbol + "\"");
        return format.write("bad-input-newer-writer", false, writer, record);
    }

    /** The click with the bytes of its identifier's value replaced by bytes that are no UTF-8. */
    private static byte[] notUtf8(byte[] payload) {
        byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + marker.length <= payload.length; i++) {
            if (Arrays.equals(payload, i, i + marker.length, marker, 0, marker.length)) {
                for (int j = 0; j < marker.length; j += 2) {
                    payload[i + j] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
                    payload[i + j + 1] = (byte) 0x28;
                }
                return payload;
            }
        }
        throw new IllegalStateException("the identifier's bytes are not in the payload");
    }

    /** What a dead letter's reason says went wrong, in the words of the kinds above. */
    private static String reasonKind(String reason) {
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("magic byte")) {
            return "wrong magic byte";
        }
        if (lower.contains("over the limit of")) {
            return "oversized";
        }
        if (lower.contains("unknown schema id")) {
            return "unknown schema id";
        }
        if (lower.contains("missing required field")) {
            return "missing required field";
        }
        if (lower.contains("unknown click event type")) {
            return "unknown type";
        }
        if (lower.contains("ahead of the wall clock")) {
            return "future timestamp";
        }
        if (lower.contains("replacement characters")) {
            return "bad identifier";
        }
        return "other: " + reason;
    }

    private static List<DeadLetter> deadLetters(SharedStack stack, TopicCatalogue topics, String application) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(stack.bootstrapServers())) {
            TopicPartition partition = new TopicPartition(topics.deadLetters().name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    DeadLetter letter = topics.deadLetters().valueSerde().deserializer()
                            .deserialize(record.topic(), record.value());
                    if (application.equals(letter.getApplication())) {
                        letters.add(letter);
                    }
                }
            }
        }
        return letters;
    }

    private long eventCount(String guest) throws IOException, InterruptedException {
        return ProfileStreamInstance.eventCount(app, guest);
    }
}
