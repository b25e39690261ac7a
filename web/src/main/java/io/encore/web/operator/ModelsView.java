package io.encore.web.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * scoring-stream's {@code /models} reshaped for the charts: per channel and behaviour group, each arm's Beta
 * posterior with its selection share and a 95 % interval, and the channel's holdout comparison with the
 * uplift interval exactly as scoring-stream computed it (docs/scoring-stream.md, holdout and uplift).
 */
public final class ModelsView {

    private static final double Z_95 = 1.959963984540054;

    private ModelsView() {
    }

    /** {@code channels}: a list of {@code {channel, groups: [{group, selections, arms: [...]}], holdout}}. */
    public static Map<String, Object> of(JsonNode models) {
        List<Object> channels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> channel : models.path("channels").properties()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("channel", channel.getKey());
            view.put("groups", groups(channel.getValue().path("groups")));
            view.put("holdout", holdout(channel.getValue().path("holdout")));
            channels.add(view);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channels", channels);
        return body;
    }

    private static List<Object> groups(JsonNode groups) {
        List<Object> views = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            long total = 0;
            for (JsonNode arm : group.getValue()) {
                total += arm.path("selections").asLong();
            }
            List<Object> arms = new ArrayList<>();
            for (Map.Entry<String, JsonNode> arm : group.getValue().properties()) {
                arms.add(arm(arm.getKey(), arm.getValue(), total));
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("group", group.getKey());
            view.put("selections", total);
            view.put("arms", arms);
            views.add(view);
        }
        return views;
    }

    static Map<String, Object> arm(String name, JsonNode arm, long groupSelections) {
        double alpha = arm.path("alpha").asDouble(1.0);
        double beta = arm.path("beta").asDouble(1.0);
        long selections = arm.path("selections").asLong();
        double mean = alpha / (alpha + beta);
        // Normal approximation of the Beta's 2.5 % and 97.5 % quantiles, clipped to [0, 1].
        double sd = Math.sqrt(alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("arm", name);
        view.put("alpha", alpha);
        view.put("beta", beta);
        view.put("mean", mean);
        view.put("lower", Math.max(0.0, mean - Z_95 * sd));
        view.put("upper", Math.min(1.0, mean + Z_95 * sd));
        view.put("selections", selections);
        view.put("share", groupSelections == 0 ? 0.0 : selections / (double) groupSelections);
        return view;
    }

    private static Map<String, Object> holdout(JsonNode holdout) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("treated", trials(holdout.path("treated")));
        view.put("control", trials(holdout.path("control")));
        JsonNode uplift = holdout.path("uplift");
        if (uplift.isObject()) {
            Map<String, Object> estimate = new LinkedHashMap<>();
            for (String field : List.of("treatedRate", "controlRate", "uplift", "lower", "upper")) {
                estimate.put(field, uplift.path(field).asDouble());
            }
            estimate.put("significant", uplift.path("significant").asBoolean());
            estimate.put("hasEnoughData", uplift.path("hasEnoughData").asBoolean());
            view.put("uplift", estimate);
        } else {
            view.put("uplift", null);
        }
        return view;
    }

    private static Map<String, Object> trials(JsonNode trials) {
        long shown = trials.path("trials").asLong();
        long conversions = trials.path("conversions").asLong();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trials", shown);
        view.put("conversions", conversions);
        view.put("rate", shown == 0 ? 0.0 : conversions / (double) shown);
        return view;
    }
}
