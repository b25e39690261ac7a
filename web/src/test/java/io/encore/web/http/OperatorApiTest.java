package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.avro.ValueGroup;
import io.encore.web.FakeSources;
import io.encore.web.Fixtures;
import io.encore.web.WebAppHarness;
import io.encore.web.apps.ApiAnswer;
import io.encore.web.operator.Outbox;

/** The operator's JSON over fake sources: what each chart is drawn from. */
class OperatorApiTest {

    private static final String MODELS = "{\"channels\":{\"WEB\":{\"groups\":{\"loyal\":{"
            + "\"concept-match\":{\"alpha\":31.0,\"beta\":71.0,\"mean\":0.3,\"selections\":100},"
            + "\"trending\":{\"alpha\":1.0,\"beta\":301.0,\"mean\":0.003,\"selections\":300}}},"
            + "\"holdout\":{\"treated\":{\"trials\":400,\"conversions\":30},\"control\":{\"trials\":50,\"conversions\":2},"
            + "\"uplift\":{\"treatedRate\":0.075,\"controlRate\":0.04,\"uplift\":0.035,\"lower\":-0.02,\"upper\":0.09,"
            + "\"significant\":false,\"hasEnoughData\":false}}}}}";

    private WebAppHarness web;
    private FakeSources fakes;

    @BeforeEach
    void start() {
        web = new WebAppHarness(Map.of("encore.web.lag.groups", "encore-profile-stream,encore-scoring-stream"));
        fakes = web.fakes;
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldChartRecordsPerSecondPerTopicFromEndOffsetDeltas() {
        // given
        fakes.stats.ends = Map.of("click-events", 1_000L, "guest-profiles", 50L);
        web.sample();
        fakes.clock.advance(Duration.ofSeconds(2));
        fakes.stats.ends = Map.of("click-events", 1_300L, "guest-profiles", 50L);
        // when
        web.sample();
        JsonNode body = web.getJson("/api/operator/throughput");
        // then
        assertThat(body.path("latest").path("click-events").asDouble()).isEqualTo(150.0);
        assertThat(body.path("latest").path("guest-profiles").asDouble()).isEqualTo(0.0);
        JsonNode point = body.path("series").path("click-events").get(0);
        assertThat(point.get(0).asLong()).isEqualTo(Fixtures.NOW.plusSeconds(2).toEpochMilli());
        assertThat(body.path("endOffsets").path("click-events").asLong()).isEqualTo(1_300L);
    }

    @Test
    void shouldChartTheLagOfEachStreamAppGroup() {
        // given
        fakes.stats.lag = Map.of("encore-profile-stream", Map.of("click-events", 40L, "ticket-sales", 2L),
                "someone-else", Map.of("click-events", 9L));
        // when
        web.sample();
        JsonNode body = web.getJson("/api/operator/lag");
        // then
        assertThat(body.path("series").path("encore-profile-stream").get(0).get(1).asDouble()).isEqualTo(42.0);
        assertThat(body.path("series").has("someone-else")).isFalse();
        assertThat(body.path("byTopic").path("encore-profile-stream").path("click-events").asLong()).isEqualTo(40L);
    }

    @Test
    void shouldChartRecommendationChangesPerSecondByReason() {
        // given
        web.sample();
        for (int i = 0; i < 6; i++) {
            fakes.changes.record(change(i % 3 == 0 ? RecommendationChangeReason.CATALOGUE_CHANGED
                    : RecommendationChangeReason.PROFILE_CHANGED));
        }
        fakes.clock.advance(Duration.ofSeconds(2));
        // when
        web.sample();
        JsonNode body = web.getJson("/api/operator/changes");
        // then
        assertThat(body.path("series").path("PROFILE_CHANGED").get(0).get(1).asDouble()).isEqualTo(2.0);
        assertThat(body.path("series").path("CATALOGUE_CHANGED").get(0).get(1).asDouble()).isEqualTo(1.0);
        assertThat(body.path("series").path("ALL").get(0).get(1).asDouble()).isEqualTo(3.0);
        assertThat(body.path("totalsByChannel").path("WEB").asLong()).isEqualTo(6);
    }

    @Test
    void shouldShowSelectionSharesPosteriorIntervalsAndTheUpliftIntervalFromModels() throws Exception {
        // given
        fakes.apis.models = ApiAnswer.of(FakeSources.MAPPER.readTree(MODELS));
        // when
        JsonNode body = web.getJson("/api/operator/models");
        // then
        JsonNode web1 = body.path("channels").get(0);
        assertThat(web1.path("channel").asText()).isEqualTo("WEB");
        JsonNode loyal = web1.path("groups").get(0);
        assertThat(loyal.path("group").asText()).isEqualTo("loyal");
        assertThat(loyal.path("selections").asLong()).isEqualTo(400);
        JsonNode conceptMatch = loyal.path("arms").get(0);
        assertThat(conceptMatch.path("share").asDouble()).isEqualTo(0.25);
        assertThat(conceptMatch.path("mean").asDouble()).isCloseTo(31.0 / 102.0, within(1e-9));
        assertThat(conceptMatch.path("lower").asDouble()).isLessThan(conceptMatch.path("mean").asDouble());
        assertThat(conceptMatch.path("upper").asDouble()).isGreaterThan(conceptMatch.path("mean").asDouble());
        assertThat(loyal.path("arms").get(1).path("lower").asDouble()).isEqualTo(0.0);
        JsonNode holdout = web1.path("holdout");
        assertThat(holdout.path("treated").path("rate").asDouble()).isEqualTo(0.075);
        assertThat(holdout.path("uplift").path("lower").asDouble()).isEqualTo(-0.02);
        assertThat(holdout.path("uplift").path("upper").asDouble()).isEqualTo(0.09);
        assertThat(body.path("error").isNull()).isTrue();
    }

    @Test
    void shouldKeepTheUpliftHistoryFromSampledModels() throws Exception {
        // given
        fakes.apis.models = ApiAnswer.of(FakeSources.MAPPER.readTree(MODELS));
        // when
        web.sample();
        JsonNode history = web.getJson("/api/operator/models").path("upliftHistory").path("WEB");
        // then
        assertThat(history.get(0)).extracting(JsonNode::asDouble)
                .containsExactly((double) Fixtures.NOW.toEpochMilli(), 0.035, -0.02, 0.09);
    }

    @Test
    void shouldAnswer200WithTheReasonWhenScoringStreamIsNotReachable() {
        // when
        JsonNode body = web.getJson("/api/operator/models");
        // then
        assertThat(body.path("channels")).isEmpty();
        assertThat(body.path("error").asText()).contains("not reachable");
    }

    @Test
    void shouldCombineSegmentCountsWithTransitionsReadFromSegmentChanges() throws Exception {
        // given
        fakes.apis.segments = ApiAnswer.of(FakeSources.MAPPER.readTree(
                "{\"guests\":3,\"valueGroups\":{\"A\":1,\"UNKNOWN\":2},\"segments\":{\"TOP\":1,\"PROSPECT\":2},\"cells\":{}}"));
        fakes.transitions.record(segmentChange(LifecycleSegment.PROSPECT, LifecycleSegment.NEW, ValueGroup.UNKNOWN, ValueGroup.C));
        fakes.transitions.record(segmentChange(LifecycleSegment.NEW, LifecycleSegment.TOP, ValueGroup.C, ValueGroup.A));
        fakes.transitions.record(segmentChange(null, LifecycleSegment.NEW, null, ValueGroup.C));
        // when
        JsonNode body = web.getJson("/api/operator/segments");
        // then
        assertThat(body.path("counts").path("valueGroups").path("A").asInt()).isEqualTo(1);
        JsonNode moves = body.path("transitions");
        assertThat(moves.path("total").asInt()).isEqualTo(3);
        assertThat(moves.path("segments").path("PROSPECT").path("NEW").asInt()).isEqualTo(1);
        assertThat(moves.path("segments").path("(first)").path("NEW").asInt()).isEqualTo(1);
        assertThat(moves.path("valueGroups").path("C").path("A").asInt()).isEqualTo(1);
        assertThat(moves.path("recent").get(0).path("toSegment").asText()).isEqualTo("NEW");
    }

    @Test
    void shouldShowOutboxMessagesWithRemoteImagesReplacedSoThePreviewLoadsNothingFromOutside() {
        // given
        fakes.outbox.add(new Outbox.Message("s-1", "GUEST_ID:g-1", "Udvalgt til dig",
                "<p><img alt=\"x\" src=\"https://cdn.hall.example/a.jpg\"><img src='//cdn.example/b.png'>"
                        + "<img src=\"/local.png\"></p>", Instant.parse("2026-11-23T10:00:00Z")));
        // when
        JsonNode message = web.getJson("/api/operator/outbox").path("messages").get(0);
        // then
        assertThat(message.path("subject").asText()).isEqualTo("Udvalgt til dig");
        assertThat(message.path("guestId").asText()).isEqualTo("GUEST_ID:g-1");
        String html = message.path("html").asText();
        assertThat(html).doesNotContain("cdn.hall.example", "cdn.example").contains("data:image/svg+xml", "/local.png");
    }

    @Test
    void shouldListAudiencesLargestFirstWithLookalikesFlagged() {
        // given
        fakes.audiences.putAll(Map.of("c-1", 10, "c-1-lookalike", 40, "c-2", 25));
        // when
        JsonNode body = web.getJson("/api/operator/audiences?limit=2");
        // then
        assertThat(body.path("count").asInt()).isEqualTo(3);
        assertThat(body.path("members").asLong()).isEqualTo(75);
        assertThat(body.path("audiences")).extracting(a -> a.path("audienceId").asText()).containsExactly("c-1-lookalike", "c-2");
        assertThat(body.path("audiences").get(0).path("lookalike").asBoolean()).isTrue();
    }

    @Test
    void shouldClusterWebVisitorsAndAnswer400ForABadPopulationOrK() {
        // given
        fakes.guests.applyProfile("COOKIE:a", Fixtures.profile("COOKIE:a", List.of("COOKIE:a"), new float[] {1, 0}, "jazz"));
        fakes.guests.applyProfile("COOKIE:b", Fixtures.profile("COOKIE:b", List.of("COOKIE:b"), new float[] {0, 1}, "mahler"));
        fakes.guests.applyProfile("GUEST_ID:c", Fixtures.profile("GUEST_ID:c", List.of("GUEST_ID:c"), new float[] {0, 1}, "kor"));
        // when
        JsonNode body = web.getJson("/api/operator/clusters?k=2");
        // then
        assertThat(body.path("guests").asInt()).isEqualTo(2);
        assertThat(body.path("clusters")).hasSize(2);
        assertThat(web.get("/api/operator/clusters?population=vip").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/operator/clusters?k=0").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/operator/clusters?k=21").statusCode()).isEqualTo(400);
    }

    private static RecommendationChange change(RecommendationChangeReason reason) {
        return RecommendationChange.newBuilder().setEventId("e").setGuestId("GUEST_ID:g-1").setChannel(Channel.WEB)
                .setRecommendationId("r").setReason(reason).setChangedAt(Fixtures.NOW).build();
    }

    private static SegmentChange segmentChange(LifecycleSegment from, LifecycleSegment to, ValueGroup fromGroup, ValueGroup toGroup) {
        return SegmentChange.newBuilder().setEventId("e").setGuestId("GUEST_ID:g-1").setFromSegment(from).setToSegment(to)
                .setFromValueGroup(fromGroup).setToValueGroup(toGroup).setProfileVersion(1).setChangedAt(Fixtures.NOW).build();
    }
}
