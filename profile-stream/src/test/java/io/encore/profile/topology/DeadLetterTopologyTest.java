package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.profile.avro.GuestCommand;
import io.encore.runtime.errors.DeadLetters;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.FailureStage;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;

/**
 * Every kind of bad input ends in {@code dead-letters} with a reason that says what was wrong, and the
 * stream goes on: each test pipes a valid click after the bad record and checks that it was profiled.
 */
class DeadLetterTopologyTest {

    private static final String CLICK_TOPIC = "click-events";

    private ProfileDriver profile;
    private int nextGuest;

    @BeforeEach
    void catalogue() {
        profile = new ProfileDriver();
        profile.pipe(profile.topics.concerts(), "jazz", crooner());
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void shouldDeadLetterAtDeserializationWithTopicPartitionOffsetAndBytesWhenAClickValueIsRandomBytes() {
        // given: one good click first, so the bad one sits at offset 1
        clickOk("ok-0", cookie("first"));
        byte[] garbage = new byte[48];
        new Random(42).nextBytes(garbage);
        // when
        profile.pipeRaw(CLICK_TOPIC, "COOKIE:x", garbage);
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
        assertThat(letter.getReason()).startsWith("Cannot deserialize a record from topic 'click-events'");
        assertThat(letter.getSourceTopic()).isEqualTo(CLICK_TOPIC);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isEqualTo(1L);
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(bytes(letter.getKey())).isEqualTo("COOKIE:x".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.getApplication()).isEqualTo(profile.settings.applicationId());
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWithAMagicByteReasonWhenTheWireFormatHeaderIsWrong() {
        // given: a well-formed record whose first byte is not the Confluent magic 0x00
        byte[] payload = serialized(click("e1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0));
        payload[0] = 0x07;
        // when
        profile.pipeRaw(CLICK_TOPIC, "COOKIE:a", payload);
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
        assertThat(letter.getReason()).contains("unknown magic byte 0x07");
        assertThat(bytes(letter.getValue())).isEqualTo(payload);
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterAnOversizedClickUndecodedWithItsSizeAndTheLimit() {
        // given: a valid click whose page URL is 100 KB, over the 64 KiB input limit
        ClickEvent huge = ClickEvent.newBuilder(click("e1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0))
                .setPageUrl("https://hall.example/?q=" + "x".repeat(100_000)).build();
        byte[] payload = serialized(huge);
        // when
        profile.pipeRaw(CLICK_TOPIC, "COOKIE:a", payload);
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
        assertThat(letter.getReason()).contains("record value of " + String.format("%,d", payload.length)
                + " bytes on click-events is over the limit of 65,536 bytes (encore.input.max.record.bytes)");
        assertThat(bytes(letter.getValue())).isEqualTo(payload);
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWithAnUnknownSchemaReasonWhenTheSchemaIdWasNeverRegistered() {
        // given: a valid header naming schema id 987654, which nobody registered
        byte[] payload = serialized(click("e1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0));
        ByteBuffer.wrap(payload, 1, Integer.BYTES).putInt(987_654);
        // when
        profile.pipeRaw(CLICK_TOPIC, "COOKIE:a", payload);
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
        assertThat(letter.getReason()).contains("unknown schema id 987654");
        assertThat(letter.getSourceTopic()).isEqualTo(CLICK_TOPIC);
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterAtProcessingWithTheOriginalBytesWhenTheEventIdIsEmpty() {
        // given
        ClickEvent noId = click("", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0);
        // when
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")), noId);
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.PROCESSING);
        assertThat(letter.getReason()).isEqualTo("missing eventId");
        assertThat(letter.getExceptionClass()).isEqualTo("io.encore.runtime.errors.RejectedRecordException");
        assertThat(letter.getSourceTopic()).isEqualTo(CLICK_TOPIC);
        assertThat(letter.getSourcePartition()).isZero();
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(bytes(letter.getValue())).isEqualTo(serialized(noId));
        assertThat(profile.profiles()).doesNotContainKey("COOKIE:a");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenTheIdentifierValueIsEmpty() {
        // given
        GuestIdentifier empty = cookie("");
        // when
        profile.pipe(profile.topics.clickEvents(), "COOKIE:", click("e1", empty, ClickType.PAGE_VIEW, "jazz", T0));
        // then
        assertThat(onlyDeadLetter().getReason()).isEqualTo("empty identifier value");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenTheIdentifierTypeIsUnknown() {
        // given
        GuestIdentifier unknown = new GuestIdentifier(IdentifierType.UNKNOWN, "x-1");
        // when
        profile.pipe(profile.topics.clickEvents(), "UNKNOWN:x-1", click("e1", unknown, ClickType.PAGE_VIEW, "jazz", T0));
        // then
        assertThat(onlyDeadLetter().getReason()).isEqualTo("unknown identifier type");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenTheClickTypeIsUnknown() {
        // when
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.UNKNOWN, "jazz", T0));
        // then
        assertThat(onlyDeadLetter().getReason()).isEqualTo("unknown click event type");
        assertThat(profile.profiles()).doesNotContainKey("COOKIE:a");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenOccurredAtIsFarAheadOfTheWallClock() {
        // given: 30 days ahead of the driver's wall clock, the allowed skew is 1 h
        long future = T0.plus(Duration.ofDays(30)).toEpochMilli();
        // when
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.PAGE_VIEW, "jazz", T0.plus(Duration.ofDays(30))));
        // then
        assertThat(onlyDeadLetter().getReason())
                .isEqualTo("occurredAt " + future + " is more than PT1H ahead of the wall clock");
        assertThat(profile.profiles()).doesNotContainKey("COOKIE:a");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenAFavouriteNamesNoConcert() {
        // when
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.FAVOURITE, null, T0));
        // then
        assertThat(onlyDeadLetter().getReason()).isEqualTo("FAVOURITE without a concertId");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterWhenAnIdentityLinkPointsToItself() {
        // when
        profile.pipe(profile.topics.identityLinks(), key(cookie("a")), link("l1", cookie("a"), cookie("a"), T0));
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getReason()).isEqualTo("identity link from COOKIE:a to itself");
        assertThat(letter.getSourceTopic()).isEqualTo("identity-links");
        assertThat(profile.guests().get("COOKIE:a")).isNull();
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldHoldAnEventForAnUnknownConcertWithoutDeadLetteringItWhenTheHoldHasNotElapsed() {
        // given
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.FAVOURITE, "ghost", T0));
        // when: just under the default hold of one hour
        profile.advanceWallClock(Duration.ofMinutes(59));
        // then: waiting in pending-events, neither applied nor dead-lettered
        assertThat(profile.deadLetters()).isEmpty();
        assertThat(profile.profiles()).doesNotContainKey("COOKIE:a");
        assertThat(pendingEvents()).extracting(command -> command.getEvent().getEventId()).containsExactly("e1");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldDeadLetterAHeldEventNamingItsConcertWhenTheHoldElapses() {
        // given
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.FAVOURITE, "ghost", T0));
        profile.advanceWallClock(Duration.ofMinutes(59));
        // when
        profile.advanceWallClock(Duration.ofMinutes(2));
        // then
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.PROCESSING);
        assertThat(letter.getReason()).isEqualTo("concert ghost still unknown after holding the event for PT1H");
        assertThat(letter.getSourceTopic()).isEqualTo(CLICK_TOPIC);
        assertThat(letter.getSourcePartition()).isNull();
        assertThat(letter.getSourceOffset()).isNull();
        assertThat(new String(bytes(letter.getValue()), StandardCharsets.UTF_8)).contains("\"eventId\": \"e1\"");
        assertThat(letter.getFailedAt()).isEqualTo(T0.plus(Duration.ofMinutes(61)));
        assertThat(pendingEvents()).isEmpty();
        assertThat(profile.profiles()).doesNotContainKey("COOKIE:a");
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldApplyAHeldEventToTheProfileWhenItsConcertAppearsWithinTheHold() {
        // given
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.FAVOURITE, "late", T0));
        profile.advanceWallClock(Duration.ofMinutes(30));
        // when: the concert arrives, and the next retry runs
        profile.pipe(profile.topics.concerts(), "late", concert("late", "Percussion lab", "Marilyn Mazur",
                List.of("experimental"), T0.plus(Duration.ofDays(40))));
        profile.advanceWallClock(Duration.ofSeconds(11));
        // then
        GuestProfile guest = profile.profiles().get("COOKIE:a");
        assertThat(guest.getEventCount()).isEqualTo(1);
        assertThat(guest.getTopConcepts()).extracting(c -> c.getConcept()).contains("marilyn mazur", "experimental");
        assertThat(pendingEvents()).isEmpty();
        assertThat(profile.deadLetters()).isEmpty();
    }

    @Test
    void shouldDeadLetterAConcertFromThePrivateCatalogueTopicWhenItHasNoTitle() {
        // given
        Concert untitled = Concert.newBuilder(concert("blank", "x", "Nobody", List.of(), T0)).setTitle(" ").build();
        // when
        profile.pipe(profile.topics.concerts(), "blank", untitled);
        // then: rejected where concerts are decoded, the single-partition catalogue topic
        DeadLetter letter = onlyDeadLetter();
        assertThat(letter.getStage()).isEqualTo(FailureStage.PROCESSING);
        assertThat(letter.getReason()).isEqualTo("concert blank has no title");
        assertThat(letter.getSourceTopic()).isEqualTo(profile.settings.catalogueTopic());
        assertThat(bytes(letter.getValue())).isEqualTo(
                profile.topics.concerts().valueSerde().serializer().serialize("concerts", untitled));
        assertThat(profile.driver.<String, Object>getKeyValueStore(ProfileNames.STORE_CONCERT_TERMS).get("blank"))
                .isNull();
        assertNextValidClickIsProfiled();
    }

    @Test
    void shouldRepeatTheEssentialsAsKafkaHeadersWhenARecordIsDeadLettered() {
        // given
        clickOk("ok-0", cookie("first"));
        // when
        profile.pipe(profile.topics.clickEvents(), key(cookie("a")),
                click("e1", cookie("a"), ClickType.UNKNOWN, "jazz", T0));
        // then
        List<TestRecord<String, DeadLetter>> records = profile.deadLetterRecords();
        assertThat(records).hasSize(1);
        TestRecord<String, DeadLetter> record = records.get(0);
        Headers headers = record.headers();
        assertThat(header(headers, DeadLetters.REASON_HEADER)).isEqualTo("unknown click event type");
        assertThat(header(headers, DeadLetters.STAGE_HEADER)).isEqualTo("PROCESSING");
        assertThat(header(headers, DeadLetters.SOURCE_TOPIC_HEADER)).isEqualTo(CLICK_TOPIC);
        assertThat(header(headers, DeadLetters.SOURCE_PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(headers, DeadLetters.SOURCE_OFFSET_HEADER)).isEqualTo("1");
        assertThat(header(headers, DeadLetters.APPLICATION_HEADER)).isEqualTo(profile.settings.applicationId());
        assertThat(record.key()).isEqualTo(record.value().getId());
    }

    @Test
    void shouldReconcileValidEventsWithEventCountsAndBadOnesWithDeadLettersWhenABatchIsMixed() {
        // given: 6 valid clicks for 3 visitors and 5 bad records of different kinds, interleaved
        clickOk("v1", cookie("a"));
        profile.pipeRaw(CLICK_TOPIC, "COOKIE:a", new byte[] {1, 2, 3});
        clickOk("v2", cookie("b"));
        profile.pipe(profile.topics.clickEvents(), key(cookie("b")), click("", cookie("b"), ClickType.PAGE_VIEW, "jazz", T0));
        clickOk("v3", cookie("a"));
        profile.pipe(profile.topics.clickEvents(), key(cookie("c")), click("x1", cookie("c"), ClickType.UNKNOWN, "jazz", T0));
        clickOk("v4", cookie("c"));
        profile.pipe(profile.topics.clickEvents(), key(cookie("c")), click("x2", cookie("c"), ClickType.SHARE, null, T0));
        profile.pipe(profile.topics.identityLinks(), key(cookie("b")), link("x3", cookie("b"), cookie("b"), T0));
        clickOk("v5", cookie("b"));
        clickOk("v6", cookie("c"));
        // when
        Map<String, GuestProfile> profiles = profile.profiles();
        List<DeadLetter> letters = profile.deadLetters();
        // then
        assertThat(profiles.values().stream().mapToLong(GuestProfile::getEventCount).sum()).isEqualTo(6);
        assertThat(profiles.keySet()).containsExactlyInAnyOrder("COOKIE:a", "COOKIE:b", "COOKIE:c");
        assertThat(letters).hasSize(5);
        assertThat(letters).extracting(DeadLetter::getStage).containsExactly(FailureStage.DESERIALIZATION,
                FailureStage.PROCESSING, FailureStage.PROCESSING, FailureStage.PROCESSING, FailureStage.PROCESSING);
    }

    private void clickOk(String eventId, GuestIdentifier who) {
        profile.pipe(profile.topics.clickEvents(), key(who), click(eventId, who, ClickType.PAGE_VIEW, "jazz", T0));
    }

    /** Pipes a valid click for a visitor never seen before and checks the stream profiled it. */
    private void assertNextValidClickIsProfiled() {
        GuestIdentifier next = cookie("next-" + nextGuest++);
        clickOk("next-event-" + nextGuest, next);
        GuestProfile guest = profile.profiles().get(key(next));
        assertThat(guest).as("profile of the valid click after the bad record").isNotNull();
        assertThat(guest.getEventCount()).isEqualTo(1);
        assertThat(guest.getTopConcepts()).extracting(c -> c.getConcept()).contains("gregory porter");
        assertThat(profile.deadLetters()).as("no dead letter for the valid click").isEmpty();
    }

    private DeadLetter onlyDeadLetter() {
        List<DeadLetter> letters = profile.deadLetters();
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private List<GuestCommand> pendingEvents() {
        KeyValueStore<String, GuestCommand> store = profile.driver.getKeyValueStore(ProfileNames.STORE_PENDING_EVENTS);
        List<GuestCommand> held = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> held.add(entry.value));
        }
        return held;
    }

    private byte[] serialized(ClickEvent click) {
        return profile.topics.clickEvents().valueSerde().serializer().serialize(CLICK_TOPIC, click);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
