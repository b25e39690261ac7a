package io.encore.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.schemas.avro.RecommendationSet;

class ViewsTest {

    private static final Instant GENERATED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void shouldKeepTheFirstItemsWhenALimitIsGiven() {
        // when
        Map<String, Object> body = map(Views.recommendations(set(), OptionalInt.of(2)));
        // then
        assertThat(list(body.get("items"))).extracting(item -> map(item).get("concertId"))
                .containsExactly("c-1", "c-2");
        assertThat(body.get("generatedAt")).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void shouldKeepEveryItemWhenTheLimitIsLargerThanTheList() {
        // when
        Map<String, Object> body = map(Views.recommendations(set(), OptionalInt.of(50)));
        // then
        assertThat(list(body.get("items"))).hasSize(3);
    }

    @Test
    void shouldExplainTheBanditsDecisionAndEachItemsModelScoreAndReasons() {
        // when
        Map<String, Object> body = Views.explanation(set(), OptionalInt.empty());
        // then
        assertThat(body).containsEntry("arm", "concept-match").containsEntry("armPropensity", 0.4)
                .containsEntry("holdout", false).containsEntry("behaviourGroup", "loyal")
                .containsEntry("profileVersion", 12L).containsEntry("channel", "WEB");
        Map<String, Object> first = map(list(body.get("items")).get(0));
        assertThat(first).containsEntry("model", "concept-match").containsEntry("score", 0.9)
                .containsEntry("rank", 1);
        assertThat(list(first.get("reasons"))).containsExactly(Map.of("code", "SAME_PERFORMER",
                "text", "Because you heard Carl Nielsen", "concept", "performer:carl nielsen"));
    }

    @Test
    void shouldShowMatchKeysAsTypeAndValueWhenAudienceMembersHaveThem() {
        // given
        AudienceMember member = new AudienceMember("GUEST_ID:g-1", 0.8, true,
                List.of(new GuestIdentifier(IdentifierType.EMAIL_SHA256, "ab12")), null);
        ConcertAudience audience = new ConcertAudience("c-1", List.of(member, member), List.of(), List.of(), 3L, 2L,
                GENERATED);
        // when
        Map<String, Object> body = Views.audience(audience, OptionalInt.of(1));
        // then
        assertThat(body).containsEntry("concertId", "c-1").containsEntry("version", 3L).containsEntry("size", 2);
        assertThat(list(body.get("members"))).hasSize(1);
        Map<String, Object> shown = map(list(body.get("members")).get(0));
        assertThat(shown).containsEntry("guestId", "GUEST_ID:g-1").containsEntry("lookalike", true)
                .containsEntry("matchKeys", List.of("EMAIL_SHA256:ab12"));
    }

    private static RecommendationSet set() {
        List<RecommendationItem> items = List.of(
                new RecommendationItem("c-1", 1, 0.9, "concept-match", List.of(new RecommendationReason(
                        ReasonCode.SAME_PERFORMER, "Because you heard Carl Nielsen", "performer:carl nielsen"))),
                new RecommendationItem("c-2", 2, 0.7, "concept-match", List.of()),
                new RecommendationItem("c-3", 3, 0.5, "exploration", List.of()));
        return RecommendationSet.newBuilder().setRecommendationId("r-1").setGuestId("GUEST_ID:g-1")
                .setChannel(Channel.WEB).setArm("concept-match").setArmPropensity(0.4).setHoldout(false)
                .setBehaviourGroup("loyal").setItems(items).setProfileVersion(12L).setGeneratedAt(GENERATED).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }
}
