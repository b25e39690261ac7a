package io.encore.connectors.ads;

import static io.encore.connectors.ads.Audiences.diff;
import static io.encore.connectors.ads.Audiences.emailKey;
import static io.encore.connectors.ads.Audiences.member;
import static io.encore.connectors.ads.Audiences.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.connectors.ads.StandInAdPlatform.Reply;
import io.encore.connectors.ads.StandInAdPlatform.Request;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

class AdAudienceSinkTaskTest {

    private static final String TOPIC = "concert-audiences";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String TOKEN = "test-token";

    private final List<Duration> sleeps = new ArrayList<>();
    private final String registryUrl = "mock://ads-" + UUID.randomUUID();
    private StandInAdPlatform platform;
    private FakeSinkTaskContext context;
    private AdAudienceSinkTask task;
    private AvroSerde<ConcertAudience> serde;

    @BeforeEach
    void setUp() throws IOException {
        platform = new StandInAdPlatform(TOKEN);
        context = FakeSinkTaskContext.withErrantReporter();
        serde = AvroSerde.specific(ConcertAudience.class,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(registryUrl)), true), false);
    }

    @AfterEach
    void tearDown() {
        if (task != null) {
            task.stop();
        }
        platform.close();
    }

    private void startTask(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "ads.endpoint", platform.baseUrl(),
                "ads.token", TOKEN,
                "ads.max.retries", "2",
                "ads.retry.backoff.ms", "100",
                "schema.registry.url", registryUrl));
        props.putAll(overrides);
        task = new AdAudienceSinkTask(sleeps::add);
        task.initialize(context);
        task.start(props);
    }

    private SinkRecord record(long offset, ConcertAudience audience) {
        return raw(offset, audience.getConcertId(), serde.serializer().serialize(TOPIC, audience));
    }

    private static SinkRecord raw(long offset, String key, byte[] value) {
        return new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, key, Schema.OPTIONAL_BYTES_SCHEMA, value, offset);
    }

    private Map<TopicPartition, OffsetAndMetadata> committable() {
        return task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(1_000)));
    }

    @Test
    void shouldPostAddedAndRemovedHashesToConcertAndLookalikeAudiencesWhenDiffArrives() {
        // given
        startTask(Map.of());
        var diff = diff("c-42", List.of(member("ada", false), member("twin", true)), List.of(member("bob", false)));

        // when
        task.put(List.of(record(0, diff)));

        // then
        assertThat(platform.requests()).containsExactly(
                new Request("POST", "/audiences/c-42/members", "c-42", "Bearer " + TOKEN, "application/json",
                        List.of(Hashing.email("ada@example.com")), List.of(Hashing.email("bob@example.com"))),
                new Request("POST", "/audiences/c-42-lookalike/members", "c-42-lookalike", "Bearer " + TOKEN,
                        "application/json", List.of(Hashing.email("twin@example.com")), List.of()));
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
        assertThat(context.errant()).isEmpty();
    }

    @Test
    void shouldSendThreeRequestsOfAtMost10000WhenDiffAdds25000Members() {
        // given
        startTask(Map.of());
        var diff = diff("c-big", members("guest", 25_000), List.of());

        // when
        task.put(List.of(record(0, diff)));

        // then
        List<Request> requests = platform.requests();
        assertThat(requests).extracting(Request::size).containsExactly(10_000, 10_000, 5_000);
        assertThat(requests).extracting(Request::audienceId).containsOnly("c-big");
        assertThat(requests.stream().flatMap(request -> request.add().stream()).distinct().count()).isEqualTo(25_000);
        assertThat(requests.stream().flatMap(request -> request.add().stream()))
                .allSatisfy(hash -> assertThat(Hashing.isSha256Hex(hash)).isTrue());
    }

    @Test
    void shouldUploadOnlyValidHashesOfConsentingGuestsWhenMatchKeysAreMixed() {
        // given: one guest without ad consent (no match keys), one whose "hash" is a plain address
        startTask(Map.of());
        var noConsent = member("no-consent", false, List.of());
        var plain = member("plain", false, List.of(emailKey("plain@example.com")));
        var diff = diff("c-1", List.of(member("ada", false), noConsent, plain), List.of());

        // when
        task.put(List.of(record(0, diff)));

        // then
        assertThat(platform.requests()).singleElement()
                .satisfies(request -> assertThat(request.add()).containsExactly(Hashing.email("ada@example.com")));
        assertThat(task.droppedMatchKeys()).isEqualTo(1);
    }

    @Test
    void shouldWaitRetryAfterAndSucceedWhenPlatformAnswers429Once() {
        // given
        startTask(Map.of());
        platform.script(new Reply(429, "{\"error\":\"slow down\"}", Map.of("Retry-After", "2")));

        // when
        task.put(List.of(record(0, diff("c-1", List.of(member("ada", false)), List.of()))));

        // then
        assertThat(platform.requests()).hasSize(2);
        assertThat(platform.requests().get(1)).isEqualTo(platform.requests().get(0));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
    }

    @Test
    void shouldThrowRetriableAndCommitNothingWhen5xxOutlastsRetries() {
        // given
        startTask(Map.of());
        platform.alwaysReply(Reply.of(503, "{\"error\":\"maintenance\"}"));

        // when / then
        assertThatThrownBy(() -> task.put(List.of(record(0, diff("c-1", List.of(member("ada", false)), List.of())))))
                .isInstanceOf(RetriableException.class).hasMessageContaining("HTTP 503");
        assertThat(platform.requests()).hasSize(3); // the first attempt and ads.max.retries=2 retries
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(committable()).isEmpty();
        assertThat(context.timeouts()).containsExactly(100L);
        assertThat(context.errant()).isEmpty();
    }

    @Test
    void shouldNotResendDeliveredRecordsWhenWorkerRedeliversBatchAfterRetriable() {
        // given: the first record is delivered, the second fails until the platform recovers
        startTask(Map.of("ads.max.retries", "0"));
        List<SinkRecord> batch = List.of(
                record(0, diff("c-1", List.of(member("ada", false)), List.of())),
                record(1, diff("c-2", List.of(member("bob", false)), List.of())));
        platform.script(Reply.of(200, "{}"), Reply.of(500, "{}"));
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));

        // when: the worker hands the same batch back
        task.put(batch);

        // then
        assertThat(platform.requests()).extracting(Request::audienceId).containsExactly("c-1", "c-2", "c-2");
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(2));
    }

    @Test
    void shouldReportErrantRecordWithResponseBodyWhenPlatformAnswers400() {
        // given
        startTask(Map.of());
        platform.script(Reply.of(400, "{\"error\":\"audience c-1 is archived\"}"));
        SinkRecord rejected = record(0, diff("c-1", List.of(member("ada", false)), List.of()));

        // when
        task.put(List.of(rejected));

        // then
        assertThat(context.errant()).singleElement().satisfies(errant -> {
            assertThat(errant.record()).isSameAs(rejected);
            assertThat(errant.error()).hasMessageContaining("HTTP 400").hasMessageContaining("audience c-1 is archived");
        });
        assertThat(platform.requests()).hasSize(1);
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
    }

    @Test
    void shouldReportMalformedValueAndStillDeliverNextRecordWhenValueIsNotAvro() {
        // given
        startTask(Map.of());
        SinkRecord garbage = raw(0, "c-1", new byte[] {0x0, 0x0, 0x0, 0x0, 0x7f, 0x1});
        SinkRecord good = record(1, diff("c-2", List.of(member("ada", false)), List.of()));

        // when
        task.put(List.of(garbage, good));

        // then
        assertThat(context.errant()).singleElement().satisfies(errant -> assertThat(errant.record()).isSameAs(garbage));
        assertThat(platform.requests()).extracting(Request::audienceId).containsExactly("c-2");
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(2));
    }

    @Test
    void shouldFailTaskWhenRecordIsErrantAndNoReporterConfigured() {
        // given
        context = FakeSinkTaskContext.withoutErrantReporter();
        startTask(Map.of());

        // when / then
        assertThatThrownBy(() -> task.put(List.of(raw(0, "c-1", new byte[] {0x7}))))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("errors.tolerance=all");
        assertThat(committable()).isEmpty();
    }

    @Test
    void shouldDeleteConcertAndLookalikeAudiencesWhenConcertAudienceIsTombstoned() {
        startTask(Map.of());

        task.put(List.of(raw(0, "c 1", null)));

        assertThat(platform.requests()).extracting(Request::method, Request::path)
                .containsExactly(tuple("DELETE", "/audiences/c%201"), tuple("DELETE", "/audiences/c%201-lookalike"));
        assertThat(platform.requests()).allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
    }

    @Test
    void shouldTreatAnAudienceThePlatformDoesNotKnowAsDeletedWhenTombstoned() {
        // given: the platform never had the look-alike audience
        startTask(Map.of());
        platform.script(Reply.of(204, ""), Reply.of(404, "{\"error\":\"no such audience\"}"));

        task.put(List.of(raw(0, "c-1", null)));

        assertThat(platform.requests()).hasSize(2);
        assertThat(context.errant()).isEmpty();
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
    }

    @Test
    void shouldRetryADeletionWhenThePlatformAnswers5xxOnce() {
        startTask(Map.of());
        platform.script(Reply.of(503, "{}"));

        task.put(List.of(raw(0, "c-1", null)));

        assertThat(platform.requests()).extracting(Request::path)
                .containsExactly("/audiences/c-1", "/audiences/c-1", "/audiences/c-1-lookalike");
        assertThat(committable()).containsEntry(PARTITION, new OffsetAndMetadata(1));
    }

    @Test
    void shouldFailTaskAndCommitNothingWhenPlatformRefusesToken() {
        // given: the stand-in enforces the bearer token
        startTask(Map.of("ads.token", "wrong"));
        SinkRecord record = record(0, diff("c-1", List.of(member("ada", false)), List.of()));

        // when / then: not dead-lettered, or an expired token would drain the topic into the DLQ
        assertThatThrownBy(() -> task.put(List.of(record)))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("ads.token");
        assertThat(context.errant()).isEmpty();
        assertThat(platform.requests()).hasSize(1);
        assertThat(committable()).isEmpty();
    }
}
