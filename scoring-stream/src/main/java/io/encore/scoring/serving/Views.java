package io.encore.scoring.serving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.serde.AvroJson;
import io.encore.schemas.topic.GuestKeys;

/** The JSON bodies of the scoring API, built from stored records without touching a store. */
final class Views {

    private Views() {
    }

    /** The set as published, its items cut to the first {@code limit}. */
    static Object recommendations(RecommendationSet set, OptionalInt limit) {
        RecommendationSet trimmed = RecommendationSet.newBuilder(set).setItems(first(set.getItems(), limit)).build();
        return AvroJson.toJson(trimmed);
    }

    /** Why the guest got this list: the bandit's decision and, per item, the model, score and reasons. */
    static Map<String, Object> explanation(RecommendationSet set, OptionalInt limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("guestId", set.getGuestId());
        body.put("channel", set.getChannel().name());
        body.put("recommendationId", set.getRecommendationId());
        body.put("arm", set.getArm());
        body.put("armPropensity", set.getArmPropensity());
        body.put("holdout", set.getHoldout());
        body.put("behaviourGroup", set.getBehaviourGroup());
        body.put("profileVersion", set.getProfileVersion());
        body.put("generatedAt", AvroJson.toJson(set.getGeneratedAt()));
        body.put("expiresAt", AvroJson.toJson(set.getExpiresAt()));
        body.put("items", first(set.getItems(), limit).stream().map(Views::explainedItem).toList());
        return body;
    }

    /** The concert's audience: members with score, look-alike flag and hashed match keys ({@code TYPE:value}). */
    static Map<String, Object> audience(ConcertAudience audience, OptionalInt limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("concertId", audience.getConcertId());
        body.put("version", audience.getVersion());
        body.put("generatedAt", AvroJson.toJson(audience.getGeneratedAt()));
        body.put("size", audience.getMembers().size());
        body.put("members", first(audience.getMembers(), limit).stream().map(Views::member).toList());
        return body;
    }

    private static Map<String, Object> explainedItem(RecommendationItem item) {
        Map<String, Object> explained = new LinkedHashMap<>();
        explained.put("rank", item.getRank());
        explained.put("concertId", item.getConcertId());
        explained.put("model", item.getModel());
        explained.put("score", item.getScore());
        explained.put("reasons", AvroJson.toJson(item.getReasons()));
        return explained;
    }

    private static Map<String, Object> member(AudienceMember member) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("guestId", member.getGuestId());
        shown.put("score", member.getScore());
        shown.put("lookalike", member.getLookalike());
        shown.put("matchKeys", member.getMatchKeys().stream().map(GuestKeys::key).toList());
        shown.put("recommendationId", member.getRecommendationId());
        return shown;
    }

    private static <T> List<T> first(List<T> items, OptionalInt limit) {
        return limit.isPresent() && limit.getAsInt() < items.size() ? List.copyOf(items.subList(0, limit.getAsInt()))
                : items;
    }
}
