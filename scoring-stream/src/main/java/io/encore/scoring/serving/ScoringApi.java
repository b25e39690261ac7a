package io.encore.scoring.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

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
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.topic.GuestKeys;
import io.encore.scoring.avro.AliasTarget;
import io.encore.scoring.processor.Memberships;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.processor.ScoringProcessor;
import io.encore.scoring.signals.SignalKeys;
import io.encore.scoring.topology.ScoringNames;

/**
 * scoring-stream's HTTP API over its state stores. A guest may be named by any alias ({@code COOKIE:…}): every
 * instance resolves it through the global alias store, then the instance that holds the guest's lists answers
 * (asked one hop away when it is another). Audiences are held on their concert's partition; the bandits'
 * posteriors are on every instance (a global store), so any instance answers {@code /models}.
 *
 * <p>With tokens on, a guest's list takes the query token — what a website or app asks per visitor. The
 * explanation (arm, propensity, scores), a concert's audience (many guests' ids at once) and the bandits'
 * report are operational views and take the admin token.
 */
public final class ScoringApi {

    /** {@code TYPE:value}: letters, digits and {@code . _ - : @ + = /}. */
    static final Pattern GUEST_ID = Pattern.compile("[A-Za-z_]+:[A-Za-z0-9._\\-:@+=/]+");
    static final Pattern CONCERT_ID = Pattern.compile("[A-Za-z0-9._\\-:]+");
    static final int MAX_ID_LENGTH = 300;

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final ScoringSettings settings;

    public ScoringApi(KafkaStreams streams, KeyLocator locator, Forwarder forwarder, ScoringSettings settings) {
        this.streams = streams;
        this.router = new KeyRouter(locator, forwarder);
        this.settings = settings;
    }

    public HttpApi.Builder install(HttpApi.Builder builder) {
        return builder
                .get(Access.QUERY, "/guests/{id}/recommendations", request -> recommendations(request, false))
                .get(Access.ADMIN, "/guests/{id}/recommendations/explain", request -> recommendations(request, true))
                .get(Access.ADMIN, "/concerts/{id}/audience", this::audience)
                .get(Access.ADMIN, "/models", this::models);
    }

    private Response recommendations(Request request, boolean explain) throws Exception {
        String id = Params.requireMatches(request, "id", GUEST_ID, MAX_ID_LENGTH);
        if (GuestKeys.parse(id).isEmpty()) {
            throw new ApiException(400, "id must be TYPE:value with TYPE one of COOKIE, GUEST_ID, LOYALTY_CARD, EMAIL_SHA256");
        }
        Channel channel = Queries.channel(request.queryParam("channel"));
        OptionalInt limit = Queries.limit(request.queryParam("limit"), Queries.MAX_ITEMS);
        String guestId = resolve(id);
        // Lists are keyed guestId|CHANNEL but partitioned by the guest id alone, so the guest id locates them.
        return router.route(request, ScoringNames.STORE_RECOMMENDATIONS, guestId, local -> {
            RecommendationSet set = this.<RecommendationSet>store(ScoringNames.STORE_RECOMMENDATIONS)
                    .get(ScoringProcessor.setKey(guestId, channel));
            if (set == null) {
                throw new ApiException(404, missingList(id, guestId, channel));
            }
            return Response.ok(explain ? Views.explanation(set, limit) : Views.recommendations(set, limit));
        });
    }

    /** The guest an alias belongs to: the newest claim on it; an id nobody has claimed is tried as it is. */
    private String resolve(String id) {
        AliasTarget newest = null;
        try (KeyValueIterator<String, AliasTarget> claims = this.<AliasTarget>store(ScoringNames.STORE_ALIASES_GLOBAL)
                .prefixScan(id + Memberships.ALIAS_SEPARATOR, new StringSerializer())) {
            while (claims.hasNext()) {
                AliasTarget claim = claims.next().value;
                if (newest == null || claim.getClaimedAt() > newest.getClaimedAt()) {
                    newest = claim;
                }
            }
        }
        return newest == null ? id : newest.getGuestId();
    }

    /** Why there is no list: an unknown guest, a channel not kept, no consent, or not scored yet. */
    private String missingList(String id, String guestId, Channel channel) {
        String named = id.equals(guestId) ? id : id + " (guest " + guestId + ")";
        GuestProfile guest = this.<GuestProfile>store(ScoringNames.STORE_GUESTS).get(guestId);
        if (guest == null) {
            return "no guest known as " + named;
        }
        if (!settings.channels().contains(channel)) {
            return "no " + channel + " lists are kept (encore.scoring.channels is " + settings.channels() + ")";
        }
        if (!guest.getAllowedChannels().contains(channel)) {
            return named + " has no " + channel + " list: the guest has not consented to " + channel;
        }
        return named + " has no " + channel + " list yet; retry shortly";
    }

    private Response audience(Request request) throws Exception {
        String concertId = Params.requireMatches(request, "id", CONCERT_ID, MAX_ID_LENGTH);
        OptionalInt limit = Queries.limit(request.queryParam("limit"), Queries.MAX_MEMBERS);
        return router.route(request, ScoringNames.STORE_AUDIENCES, concertId, local -> {
            ConcertAudience audience = this.<ConcertAudience>store(ScoringNames.STORE_AUDIENCES).get(concertId);
            if (audience == null) {
                throw new ApiException(404, "no audience for concert " + concertId
                        + " (no guest with ad consent has it on their ADS list, or it is past or unknown)");
            }
            return Response.ok(Views.audience(audience, limit));
        });
    }

    /** Every bandit's posteriors, from this instance's copy of the global store. */
    private Response models(Request request) {
        return Response.ok(ModelReport.of(bandits(streams)));
    }

    /** Every bandit's shared signal from this instance's copy of the global store; 503 while it is not open or stopping. */
    static Map<String, SharedSignal> bandits(KafkaStreams streams) {
        Map<String, SharedSignal> bandits = new LinkedHashMap<>();
        ReadOnlyKeyValueStore<String, SharedSignal> signals = LocalStores.keyValue(streams,
                ScoringNames.STORE_SIGNALS_GLOBAL);
        // ';' follows ':' in ASCII: the range holds exactly the keys that start with "a:".
        try (KeyValueIterator<String, SharedSignal> all = signals.range(SignalKeys.BANDIT_PREFIX, "a;")) {
            all.forEachRemaining(entry -> bandits.put(entry.key, entry.value));
        }
        return bandits;
    }

    /**
     * A local store, plain or global; a timestamped store is read through its values. Throws
     * {@code InvalidStateStoreException} while stores move, and an {@code ApiException} once the client stops,
     * both answered with 503.
     */
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return LocalStores.keyValue(streams, name);
    }
}
