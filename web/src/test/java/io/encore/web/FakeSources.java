package io.encore.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.topic.Topic;
import io.encore.web.actions.EventSink;
import io.encore.web.apps.ApiAnswer;
import io.encore.web.apps.StreamApis;
import io.encore.web.catalogue.Catalogue;
import io.encore.web.guests.GuestDirectory;
import io.encore.web.operator.AdAudiences;
import io.encore.web.operator.ChangeCounter;
import io.encore.web.operator.KafkaStats;
import io.encore.web.operator.LatencyTracker;
import io.encore.web.operator.Outbox;
import io.encore.web.operator.SegmentTransitions;
import io.encore.web.recs.FallbackWebSets;
import io.encore.web.recs.ScoringApiWebSets;
import io.encore.web.recs.WebRow;
import io.encore.web.recs.WebRowJson;
import io.encore.web.tracking.SendDirectory;

/** In-memory stand-ins for every part of {@link WebSources}, filled by the tests. */
public final class FakeSources {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    public final Catalogue catalogue = new Catalogue();
    public final GuestDirectory guests = new GuestDirectory();
    public final SendDirectory sends = new SendDirectory();
    /** id (guest or alias) → Redis JSON of the WEB list. */
    public final Map<String, String> redis = new HashMap<>();
    public final RecordingSink events = new RecordingSink();
    public final FakeApis apis = new FakeApis();
    public final FakeStats stats = new FakeStats();
    public final List<Outbox.Message> outbox = new ArrayList<>();
    public final Map<String, Integer> audiences = new HashMap<>();
    public final ChangeCounter changes = new ChangeCounter();
    public final LatencyTracker latency = new LatencyTracker(0);
    public final SegmentTransitions transitions = new SegmentTransitions();
    public final TestClock clock = new TestClock(Fixtures.NOW);

    public WebSources sources() {
        return new WebSources(catalogue, guests, sends,
                new FallbackWebSets(this::fromRedis, new ScoringApiWebSets(apis)), events, apis, stats,
                limit -> outbox.stream().limit(limit).toList(), (AdAudiences) () -> audiences, changes, latency,
                transitions, clock);
    }

    private Optional<WebRow> fromRedis(String id) {
        String json = redis.get(id);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return WebRowJson.parse(MAPPER.readTree(json), WebRow.REDIS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record an action produced. */
    public record Sent(String topic, String key, Object value) {
    }

    /** Records every event; acknowledges at once with increasing offsets, or fails when told to. */
    public static final class RecordingSink implements EventSink {

        public final List<Sent> sent = new CopyOnWriteArrayList<>();
        public volatile RuntimeException failure;

        @Override
        public <V> CompletableFuture<Delivered> send(Topic<String, V> topic, String key, V value) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            sent.add(new Sent(topic.name(), key, value));
            return CompletableFuture.completedFuture(new Delivered(topic.name(), 0, sent.size() - 1L));
        }

        @SuppressWarnings("unchecked")
        public <V> V only(Class<V> type) {
            List<Object> values = sent.stream().map(Sent::value).filter(type::isInstance).toList();
            if (values.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + ", got " + sent);
            }
            return (V) values.get(0);
        }
    }

    /** Answers of the stream apps' APIs, set by the tests; unreachable until set. */
    public static final class FakeApis implements StreamApis {

        public final Map<String, JsonNode> explanations = new HashMap<>();
        public volatile ApiAnswer models = ApiAnswer.failed("http://localhost:7071 is not reachable (ConnectException)");
        public volatile ApiAnswer segments = ApiAnswer.failed("http://localhost:7070 is not reachable (ConnectException)");

        @Override
        public Optional<JsonNode> webExplanation(String id) {
            return Optional.ofNullable(explanations.get(id));
        }

        @Override
        public ApiAnswer models() {
            return models;
        }

        @Override
        public ApiAnswer segments() {
            return segments;
        }
    }

    /** End offsets and lag set by the tests. */
    public static final class FakeStats implements KafkaStats {

        public volatile Map<String, Long> ends = Map.of();
        public volatile Map<String, Map<String, Long>> lag = Map.of();

        @Override
        public Map<String, Long> endOffsets(Collection<String> topics) {
            Map<String, Long> found = new HashMap<>(ends);
            found.keySet().retainAll(topics);
            return found;
        }

        @Override
        public Map<String, Map<String, Long>> lag(Collection<String> groups) {
            Map<String, Map<String, Long>> found = new HashMap<>(lag);
            found.keySet().retainAll(groups);
            return found;
        }
    }
}
