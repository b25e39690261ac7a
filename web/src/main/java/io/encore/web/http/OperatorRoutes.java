package io.encore.web.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;
import io.encore.web.apps.ApiAnswer;
import io.encore.web.apps.StreamApis;
import io.encore.web.clusters.TasteClusters;
import io.encore.web.operator.AdAudiences;
import io.encore.web.operator.ChangeCounter;
import io.encore.web.operator.LatencyTracker;
import io.encore.web.operator.ModelsView;
import io.encore.web.operator.OperatorSampler;
import io.encore.web.operator.Outbox;
import io.encore.web.operator.SegmentTransitions;

/**
 * The operator's JSON: the sampled time series (throughput, lag, changes, latency), the bandits and uplift
 * from scoring-stream, segment counts from profile-stream with the transitions read from
 * {@code segment-changes}, taste clusters, the e-mail outbox and ad audience sizes. A source that does not
 * answer gives its panel an {@code error}, never the request a 500.
 */
final class OperatorRoutes {

    static final String AUDIENCE_LOOKALIKE_SUFFIX = "-lookalike";
    private static final Pattern EXTERNAL_IMAGE = Pattern.compile("(<img\\b[^>]*?\\bsrc\\s*=\\s*)([\"'])(?:https?:)?//[^\"']*\\2",
            Pattern.CASE_INSENSITIVE);
    private static final String PLACEHOLDER = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='560' "
            + "height='200'%3E%3Crect width='100%25' height='100%25' fill='%23d9cbb5'/%3E%3C/svg%3E";

    private final OperatorSampler sampler;
    private final ChangeCounter changes;
    private final LatencyTracker latency;
    private final SegmentTransitions transitions;
    private final StreamApis apis;
    private final TasteClusters clusters;
    private final Outbox outbox;
    private final AdAudiences audiences;
    private final LongSupplier clock;

    OperatorRoutes(OperatorSampler sampler, ChangeCounter changes, LatencyTracker latency, SegmentTransitions transitions,
                   StreamApis apis, TasteClusters clusters, Outbox outbox, AdAudiences audiences, LongSupplier clock) {
        this.sampler = sampler;
        this.changes = changes;
        this.latency = latency;
        this.transitions = transitions;
        this.apis = apis;
        this.clusters = clusters;
        this.outbox = outbox;
        this.audiences = audiences;
        this.clock = clock;
    }

    void install(HttpApi.Builder builder) {
        builder.get("/api/operator/throughput", request -> Response.ok(throughput()))
                .get("/api/operator/lag", request -> Response.ok(lag()))
                .get("/api/operator/changes", request -> Response.ok(changeRates()))
                .get("/api/operator/latency", request -> Response.ok(latencies()))
                .get("/api/operator/models", request -> Response.ok(models()))
                .get("/api/operator/segments", request -> Response.ok(segments()))
                .get("/api/operator/clusters", this::clusters)
                .get("/api/operator/outbox", this::outbox)
                .get("/api/operator/audiences", this::audiences);
    }

    private Map<String, Object> throughput() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", "records/s");
        body.put("series", sampler.throughput().points());
        body.put("latest", sampler.throughput().latest());
        body.put("endOffsets", sampler.latestEnds());
        body.put("error", sampler.errors().get("offsets"));
        return body;
    }

    private Map<String, Object> lag() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", "records");
        body.put("series", sampler.lag().points());
        body.put("byTopic", sampler.latestLag());
        body.put("error", sampler.errors().get("lag"));
        return body;
    }

    private Map<String, Object> changeRates() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", "changes/s");
        body.put("series", sampler.changeRates().points());
        body.put("totalsByReason", changes.byReason());
        body.put("totalsByChannel", changes.byChannel());
        return body;
    }

    private Map<String, Object> latencies() {
        long now = clock.getAsLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", "ms");
        body.put("series", sampler.latencies().points());
        body.put("endToEnd", latency.endToEnd(now));
        body.put("profileStage", latency.profileStage(now));
        body.put("windowMillis", LatencyTracker.WINDOW_MILLIS);
        return body;
    }

    private Map<String, Object> models() {
        ApiAnswer answer = apis.models();
        Map<String, Object> body = new LinkedHashMap<>(answer.ok() ? ModelsView.of(answer.body()) : Map.of("channels", List.of()));
        body.put("upliftHistory", upliftHistory());
        body.put("error", answer.error());
        return body;
    }

    /** Channel → {@code [t, uplift, lower, upper]} points. */
    private Map<String, List<double[]>> upliftHistory() {
        Map<String, List<double[]>> series = sampler.uplift().points();
        Map<String, List<double[]>> history = new LinkedHashMap<>();
        series.forEach((name, points) -> {
            if (name.endsWith("|uplift")) {
                String channel = name.substring(0, name.length() - "|uplift".length());
                List<double[]> lower = series.getOrDefault(channel + "|lower", List.of());
                List<double[]> upper = series.getOrDefault(channel + "|upper", List.of());
                List<double[]> joined = new ArrayList<>();
                for (int i = 0; i < points.size() && i < lower.size() && i < upper.size(); i++) {
                    joined.add(new double[] {points.get(i)[0], points.get(i)[1], lower.get(i)[1], upper.get(i)[1]});
                }
                history.put(channel, joined);
            }
        });
        return history;
    }

    private Map<String, Object> segments() {
        ApiAnswer answer = apis.segments();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", answer.body());
        body.put("transitions", transitions.snapshot());
        body.put("error", answer.error());
        return body;
    }

    private Response clusters(Request request) {
        String population = request.queryParam("population").orElse(TasteClusters.WEB);
        if (!TasteClusters.WEB.equals(population) && !TasteClusters.ALL.equals(population)) {
            throw new ApiException(400, "Parameter 'population' must be web or all");
        }
        Integer k = Ids.integer(request, "k", 1, 20).orElse(null);
        return Response.ok(clusters.view(population, k));
    }

    /** The newest e-mails; remote images are swapped for a placeholder so the preview loads nothing from outside. */
    private Response outbox(Request request) {
        int limit = Ids.integer(request, "limit", 1, 50).orElse(10);
        List<Object> messages = new ArrayList<>();
        for (Outbox.Message message : outbox.latest(limit)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("sendId", message.sendId());
            view.put("guestId", message.guestId());
            view.put("subject", message.subject());
            view.put("receivedAt", message.receivedAt() == null ? null : message.receivedAt().toString());
            view.put("html", offline(message.html()));
            messages.add(view);
        }
        return Response.ok(Map.of("messages", messages));
    }

    static String offline(String html) {
        return html == null ? null : EXTERNAL_IMAGE.matcher(html).replaceAll("$1$2" + PLACEHOLDER.replace("$", "\\$") + "$2");
    }

    private Response audiences(Request request) {
        int limit = Ids.integer(request, "limit", 1, 200).orElse(30);
        Map<String, Integer> sizes = audiences.sizes();
        List<Map<String, Object>> all = new ArrayList<>();
        sizes.forEach((id, size) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("audienceId", id);
            view.put("size", size);
            view.put("lookalike", id.endsWith(AUDIENCE_LOOKALIKE_SUFFIX));
            all.add(view);
        });
        all.sort(Comparator.comparingInt((Map<String, Object> view) -> (Integer) view.get("size")).reversed()
                .thenComparing(view -> (String) view.get("audienceId")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", sizes.size());
        body.put("members", sizes.values().stream().mapToLong(Integer::longValue).sum());
        body.put("audiences", Views.first(all, limit));
        return Response.ok(body);
    }
}
