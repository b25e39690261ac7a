package io.encore.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.connectors.FakeSinkTaskContext;
import io.encore.schemas.avro.Channel;

class WebSinkTaskTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WebKeys KEYS = new WebKeys(WebSinkConnectorConfig.KEY_PREFIX_DEFAULT);
    private static final TopicPartition SETS_0 = new TopicPartition(WebFixtures.RECOMMENDATIONS, 0);
    private static final TopicPartition PROFILES_0 = new TopicPartition(WebFixtures.PROFILES, 0);

    private final WebFixtures fixtures = new WebFixtures();
    private final InMemoryWebStore store = new InMemoryWebStore(KEYS);
    private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    private final WebSinkTask task = new WebSinkTask(config -> store);

    private void start(Map<String, String> extra) {
        Map<String, String> props = fixtures.taskProps("redis://localhost:6379");
        props.putAll(extra);
        task.initialize(context);
        task.start(props);
    }

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void shouldWriteTheWebSetUnderTheGuestIdAndEveryAliasWithTheTtlWhenTheProfileIsKnown() throws Exception {
        // given
        start(Map.of());
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1", "LOYALTY_CARD:700")));
        // when
        task.put(List.of(fixtures.set("g-1", Channel.WEB, "k-1", "k-2")));
        // then
        for (String id : List.of("g-1", "COOKIE:c1", "LOYALTY_CARD:700")) {
            JsonNode set = MAPPER.readTree(store.strings.get(KEYS.set(id)));
            assertThat(set.path("recommendationId").asText()).isEqualTo("rec-g-1-k-1-k-2");
            assertThat(set.path("guestId").asText()).isEqualTo("g-1");
            assertThat(set.path("items").findValuesAsText("concertId")).containsExactly("k-1", "k-2");
            assertThat(set.path("items").get(0).path("reasons").get(0).path("code").asText()).isEqualTo("SAME_COMPOSER");
            assertThat(store.ttls.get(KEYS.set(id))).isEqualTo(3600L);
        }
        assertThat(store.sets.get(KEYS.aliases("g-1"))).containsExactlyInAnyOrder("COOKIE:c1", "LOYALTY_CARD:700");
    }

    @Test
    void shouldCopyTheCurrentSetToANewAliasWhenALaterProfileAddsIt() {
        // given
        start(Map.of());
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1", "COOKIE:c2")));
        // then
        assertThat(store.strings.get(KEYS.set("COOKIE:c2"))).isEqualTo(store.strings.get(KEYS.set("g-1"))).contains("k-1");
        assertThat(store.ttls.get(KEYS.set("COOKIE:c2"))).isEqualTo(3600L);
    }

    @Test
    void shouldDeleteEveryKeyOfTheGuestWhenItsProfileIsTombstoned() {
        // given
        start(Map.of());
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.profileTombstone("g-1")));
        // then
        assertThat(store.allKeys()).isEmpty();
    }

    @Test
    void shouldDeleteTheSetUnderTheGuestAndItsAliasesButKeepTheAliasesWhenTheSetIsTombstoned() {
        // given
        start(Map.of());
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.setTombstone("g-1", Channel.WEB)));
        // then
        assertThat(store.allKeys()).containsExactly(KEYS.aliases("g-1"));
    }

    @Test
    void shouldLeaveAnAliasAloneWhenItNowHoldsAnotherGuestsSet() {
        // given: COOKIE:c1 moved from g-1 to g-2, and g-2's records came first
        start(Map.of());
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        task.put(List.of(fixtures.set("g-2", Channel.WEB, "k-9"), fixtures.profile("g-2", "COOKIE:c1")));
        // when
        task.put(List.of(fixtures.profileTombstone("g-1")));
        // then
        assertThat(store.strings.get(KEYS.set("COOKIE:c1"))).contains("\"guestId\":\"g-2\"");
    }

    @Test
    void shouldIgnoreSetsOfOtherChannels() {
        // given
        start(Map.of());
        // when
        task.put(List.of(fixtures.set("g-1", Channel.EMAIL, "k-1"), fixtures.setTombstone("g-1", Channel.ADS)));
        // then
        assertThat(store.allKeys()).isEmpty();
        assertThat(task.preCommit(Map.of(SETS_0, new OffsetAndMetadata(2)))).containsEntry(SETS_0, new OffsetAndMetadata(2));
    }

    @Test
    void shouldReportAMalformedValueAndWriteTheRestOfTheBatch() {
        // given
        start(Map.of());
        SinkRecord malformed = fixtures.raw(WebFixtures.RECOMMENDATIONS, "g-1|WEB", "not avro".getBytes(StandardCharsets.UTF_8));
        // when
        task.put(List.of(malformed, fixtures.set("g-2", Channel.WEB, "k-2")));
        // then
        assertThat(context.reported).singleElement().satisfies(reported -> {
            assertThat(reported.record()).isSameAs(malformed);
            assertThat(reported.error()).hasMessageContaining("RecommendationSet");
        });
        assertThat(store.strings).containsKey(KEYS.set("g-2"));
        assertThat(task.preCommit(Map.of(SETS_0, new OffsetAndMetadata(2)))).containsEntry(SETS_0, new OffsetAndMetadata(2));
    }

    @Test
    void shouldFailTheTaskOnAMalformedValueWhenNoReporterAndNoTolerance() {
        // given
        FakeSinkTaskContext bare = new FakeSinkTaskContext(false);
        WebSinkTask strict = new WebSinkTask(config -> store);
        strict.initialize(bare);
        strict.start(fixtures.taskProps("redis://localhost:6379"));
        SinkRecord malformed = fixtures.raw(WebFixtures.PROFILES, "g-1", new byte[] {0, 0, 0});
        // when / then
        assertThatThrownBy(() -> strict.put(List.of(malformed))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("errors.tolerance=none");
        strict.stop();
    }

    @Test
    void shouldSkipAMalformedValueWhenNoReporterAndToleranceAll() {
        // given
        FakeSinkTaskContext bare = new FakeSinkTaskContext(false);
        WebSinkTask lenient = new WebSinkTask(config -> store);
        lenient.initialize(bare);
        Map<String, String> props = fixtures.taskProps("redis://localhost:6379");
        props.put("errors.tolerance", "all");
        lenient.start(props);
        // when
        lenient.put(List.of(fixtures.raw(WebFixtures.PROFILES, "g-1", new byte[] {0, 0, 0})));
        // then
        assertThat(lenient.preCommit(Map.of(PROFILES_0, new OffsetAndMetadata(1)))).containsEntry(PROFILES_0, new OffsetAndMetadata(1));
        lenient.stop();
    }

    @Test
    void shouldCommitOnlyOffsetsOfWrittenRecordsWhenRedisFails() {
        // given
        start(Map.of());
        task.put(List.of(fixtures.set("g-1", Channel.WEB, "k-1")));
        store.failuresToCome = 1;
        List<SinkRecord> failing = List.of(fixtures.set("g-2", Channel.WEB, "k-2"));
        // when
        assertThatThrownBy(() -> task.put(failing)).isInstanceOf(RetriableException.class);
        // then
        assertThat(task.preCommit(Map.of(SETS_0, new OffsetAndMetadata(2)))).containsExactly(Map.entry(SETS_0, new OffsetAndMetadata(1)));
        assertThat(context.timeoutMs).isEqualTo(10L);
        // and the redelivered batch lands
        task.put(failing);
        assertThat(task.preCommit(Map.of(SETS_0, new OffsetAndMetadata(2)))).containsExactly(Map.entry(SETS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void shouldFailTheTaskWhenRedisStaysDownPastTheRetries() {
        // given
        start(Map.of());
        store.failuresToCome = 3;
        List<SinkRecord> batch = List.of(fixtures.set("g-1", Channel.WEB, "k-1"));
        // when
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        // then
        assertThatThrownBy(() -> task.put(batch)).isNotInstanceOf(RetriableException.class).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldForgetOffsetsOfPartitionsThatAreClosed() {
        // given
        start(Map.of());
        task.put(List.of(fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.close(List.of(SETS_0));
        // then
        assertThat(task.preCommit(Map.of(SETS_0, new OffsetAndMetadata(1)))).isEmpty();
    }

    @Test
    void shouldBeStoppedAndCloseTheStoreWhenStopped() {
        // given
        start(Map.of());
        // when
        task.stop();
        // then
        assertThat(task.state()).isEqualTo(WebSinkTask.State.STOPPED);
        assertThat(store.closed).isTrue();
        assertThatThrownBy(() -> task.put(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
