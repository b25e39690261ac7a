package io.encore.profile.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.profile.avro.GuestState;
import io.encore.profile.avro.RecentEvent;
import io.encore.profile.identity.Identifiers;
import io.encore.profile.processor.ProfileReader;
import io.encore.profile.topology.ProfileNames;
import io.encore.runtime.http.Access;
import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Params;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;
import io.encore.runtime.serving.Forwarder;
import io.encore.runtime.serving.KeyLocator;
import io.encore.runtime.serving.KeyRouter;
import io.encore.runtime.serving.LocalStores;
import io.encore.runtime.serving.Location;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.schemas.serde.AvroJson;

/**
 * profile-stream's HTTP API over its state stores. A guest id may be any alias ({@code COOKIE:…},
 * {@code LOYALTY_CARD:…}); the instance that holds the alias answers with the profile of the guest it belongs
 * to, asking the instance that holds that guest when it is elsewhere. Concert profiles are on every
 * instance (a global store); segment counts are summed over all instances.
 *
 * <p>With tokens on, a guest's or a concert's profile takes the query token; explanations (the guest's recent
 * events) and segment counts are operational views and take the admin token.
 */
public final class ProfileApi {

    /** {@code TYPE:value}: letters, digits and {@code . _ - : @ + = /}. */
    static final Pattern GUEST_ID = Pattern.compile("[A-Za-z_]+:[A-Za-z0-9._\\-:@+=/]+");
    static final Pattern CONCERT_ID = Pattern.compile("[A-Za-z0-9._\\-:]+");
    static final int MAX_ID_LENGTH = 300;

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final KeyLocator locator;
    private final Forwarder forwarder;
    private final ProfileReader reader;

    public ProfileApi(KafkaStreams streams, KeyLocator locator, Forwarder forwarder, ProfileReader reader) {
        this.streams = streams;
        this.locator = locator;
        this.forwarder = forwarder;
        this.router = new KeyRouter(locator, forwarder);
        this.reader = reader;
    }

    public HttpApi.Builder install(HttpApi.Builder builder) {
        return builder
                .get(Access.QUERY, "/guests/{id}/profile", request -> guest(request, false))
                .get(Access.ADMIN, "/guests/{id}/profile/explain", request -> guest(request, true))
                .get(Access.QUERY, "/concerts/{id}/profile", this::concert)
                .get(Access.ADMIN, "/segments", this::segments);
    }

    private Response guest(Request request, boolean explain) throws Exception {
        String id = Params.requireMatches(request, "id", GUEST_ID, MAX_ID_LENGTH);
        if (Identifiers.parse(id).isEmpty()) {
            throw new ApiException(400, "id must be TYPE:value with TYPE one of COOKIE, GUEST_ID, LOYALTY_CARD, EMAIL_SHA256");
        }
        return router.route(request, ProfileNames.STORE_GUESTS, id, local -> answer(local, id, explain));
    }

    private Response answer(Request request, String id, boolean explain) {
        GuestState state = guests().get(id);
        if (state == null) {
            throw new ApiException(404, "no guest known as " + id);
        }
        if (state.getRedirectTo() != null) {
            return followRedirect(request, id, state.getRedirectTo(), explain);
        }
        GuestProfile profile = reader.read(state);
        return Response.ok(explain ? explanation(state, profile) : AvroJson.toJson(profile));
    }

    /** An alias: answer with the guest it belongs to, from wherever that guest is held. */
    private Response followRedirect(Request request, String alias, String root, boolean explain) {
        String path = "/guests/" + root + "/profile" + (explain ? "/explain" : "");
        Location location = locator.locate(ProfileNames.STORE_GUESTS, root);
        if (location instanceof Location.Local) {
            GuestState state = guests().get(root);
            if (state == null || state.getRedirectTo() != null) {
                throw new ApiException(503, alias + " is being merged into " + root + "; retry shortly", 1);
            }
            return Response.ok(explain ? explanation(state, reader.read(state)) : AvroJson.toJson(reader.read(state)));
        }
        if (location instanceof Location.Remote remote) {
            return forwarder.get(remote.instance(), path, request);
        }
        throw new ApiException(503, "the instance holding " + root + " is not available: "
                + ((Location.Unavailable) location).reason(), 1);
    }

    private Map<String, Object> explanation(GuestState state, GuestProfile profile) {
        ReadOnlyKeyValueStore<String, ConcertProfile> concerts = concerts();
        Set<String> top = profile.getTopConcepts().stream().map(WeightedConcept::getConcept).collect(Collectors.toSet());
        List<Map<String, Object>> events = new ArrayList<>();
        for (RecentEvent event : state.getRecent()) {
            Map<String, Object> explained = new LinkedHashMap<>();
            explained.put("eventId", event.getEventId());
            explained.put("kind", event.getKind());
            explained.put("concertId", event.getConcertId());
            explained.put("occurredAt", Instant.ofEpochMilli(event.getOccurredAt()).toString());
            explained.put("weight", event.getWeight());
            ConcertProfile concert = event.getConcertId() == null ? null : concerts.get(event.getConcertId());
            explained.put("topConceptsMoved", concert == null ? List.of() : concert.getConcepts().stream()
                    .map(WeightedConcept::getConcept).filter(top::contains).toList());
            events.add(explained);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("guestId", profile.getGuestId());
        body.put("profilingAllowed", profile.getProfilingAllowed());
        body.put("topConcepts", AvroJson.toJson(profile.getTopConcepts()));
        body.put("negativeConcepts", AvroJson.toJson(profile.getNegativeConcepts()));
        body.put("recentEvents", events);
        return body;
    }

    private Response concert(Request request) {
        String id = Params.requireMatches(request, "id", CONCERT_ID, MAX_ID_LENGTH);
        ConcertProfile profile = concerts().get(id);
        if (profile == null) {
            throw new ApiException(404, "no concert profile for " + id);
        }
        return Response.ok(AvroJson.toJson(profile));
    }

    /** Counts per value group and segment: this instance's tasks plus every other instance's. */
    private Response segments(Request request) {
        Map<String, Long> cells = new TreeMap<>(localCounts());
        for (JsonNode other : router.fanOut(request, "/segments")) {
            for (Map.Entry<String, JsonNode> cell : other.path("cells").properties()) {
                cells.merge(cell.getKey(), cell.getValue().asLong(), Long::sum);
            }
        }
        Map<String, Long> groups = new TreeMap<>();
        Map<String, Long> segments = new TreeMap<>();
        cells.forEach((cell, count) -> {
            String[] parts = cell.split("\\|", 2);
            groups.merge(parts[0], count, Long::sum);
            segments.merge(parts[1], count, Long::sum);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("guests", cells.values().stream().mapToLong(Long::longValue).sum());
        body.put("valueGroups", groups);
        body.put("segments", segments);
        body.put("cells", cells);
        return Response.ok(body);
    }

    private Map<String, Long> localCounts() {
        Map<String, Long> counts = new HashMap<>();
        ReadOnlyKeyValueStore<String, Long> store = LocalStores.keyValue(streams, ProfileNames.STORE_SEGMENT_COUNTS);
        try (var all = store.all()) {
            all.forEachRemaining(entry -> counts.merge(entry.key, entry.value, Long::sum));
        }
        return counts;
    }

    private ReadOnlyKeyValueStore<String, GuestState> guests() {
        return LocalStores.keyValue(streams, ProfileNames.STORE_GUESTS);
    }

    private ReadOnlyKeyValueStore<String, ConcertProfile> concerts() {
        return LocalStores.keyValue(streams, ProfileNames.STORE_CONCERT_PROFILES);
    }
}
