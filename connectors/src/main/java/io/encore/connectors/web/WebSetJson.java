package io.encore.connectors.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.errors.DataException;

import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.serde.AvroJson;

/**
 * The JSON the site reads for one page view: the set's id (for tracking links), the guest it belongs to, and
 * the concerts in rank order with their reasons. Bandit context (propensity, behaviour group, profile
 * version) stays out: the page has no use for it and it is about the guest.
 */
final class WebSetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebSetJson() {
    }

    static String render(RecommendationSet set) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recommendationId", set.getRecommendationId());
        body.put("guestId", set.getGuestId());
        body.put("channel", AvroJson.toJson(set.getChannel()));
        body.put("arm", set.getArm());
        body.put("holdout", set.getHoldout());
        body.put("language", set.getLanguage());
        body.put("generatedAt", AvroJson.toJson(set.getGeneratedAt()));
        body.put("expiresAt", AvroJson.toJson(set.getExpiresAt()));
        body.put("items", items(set.getItems()));
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot render recommendation set " + set.getRecommendationId() + " as JSON", e);
        }
    }

    private static List<Object> items(List<RecommendationItem> items) {
        return items.stream()
                .sorted(Comparator.comparingInt(RecommendationItem::getRank))
                .map(item -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("concertId", item.getConcertId());
                    json.put("rank", item.getRank());
                    json.put("score", item.getScore());
                    json.put("model", item.getModel());
                    json.put("reasons", AvroJson.toJson(item.getReasons()));
                    return (Object) json;
                })
                .toList();
    }
}
