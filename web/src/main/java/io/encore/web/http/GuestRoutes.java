package io.encore.web.http;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;
import io.encore.web.actions.GuestAction;
import io.encore.web.actions.GuestActions;
import io.encore.web.catalogue.Catalogue;
import io.encore.web.catalogue.ConcertViews;
import io.encore.web.guests.GuestDirectory;
import io.encore.web.guests.GuestEntry;
import io.encore.web.recs.WebRow;
import io.encore.web.recs.WebSets;

/**
 * The guest's side: pick a guest, read the front page as they see it (their WEB list from Redis, else from
 * scoring-stream, with the catalogue's details), and act as them. Actions answer once the broker has the event,
 * so a page that refreshes right after sees the consequences as soon as Encore computes them.
 */
final class GuestRoutes {

    static final int CALENDAR_SIZE = 8;
    static final int MAX_SEATS = 10;
    private static final long ACK_TIMEOUT_MILLIS = 5_000;

    private final Catalogue catalogue;
    private final GuestDirectory guests;
    private final WebSets webSets;
    private final GuestActions actions;
    private final Clock clock;

    GuestRoutes(Catalogue catalogue, GuestDirectory guests, WebSets webSets, GuestActions actions, Clock clock) {
        this.catalogue = catalogue;
        this.guests = guests;
        this.webSets = webSets;
        this.actions = actions;
        this.clock = clock;
    }

    void install(HttpApi.Builder builder) {
        builder.get("/api/guests", this::search)
                .get("/api/guests/{id}", this::guest)
                .get("/api/guests/{id}/home", this::home)
                .get("/api/concerts", this::calendar)
                .get("/api/concerts/{id}", this::concert)
                .post("/api/actions/{action}", this::act);
    }

    private Response search(Request request) {
        String query = request.queryParam("q").orElse("");
        if (query.length() > Ids.MAX_QUERY_LENGTH) {
            throw new ApiException(400, "Parameter 'q' is at most " + Ids.MAX_QUERY_LENGTH + " characters long");
        }
        String kind = request.queryParam("kind").orElse("all");
        if (!List.of("all", "known", "anonymous").contains(kind)) {
            throw new ApiException(400, "Parameter 'kind' must be all, known or anonymous");
        }
        int limit = Ids.integer(request, "limit", 1, 100).orElse(30);
        List<GuestEntry> found = guests.search(query, kind, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", guests.size());
        body.put("guests", found.stream().map(Views::pick).toList());
        return Response.ok(body);
    }

    private Response guest(Request request) {
        GuestIdentifier id = Ids.guest(request, "id");
        GuestEntry guest = guests.find(GuestKeys.key(id))
                .orElseThrow(() -> new ApiException(404, "No guest profile for " + GuestKeys.key(id) + " (yet)"));
        return Response.ok(Views.guest(guest));
    }

    /**
     * Everything the front page shows for one visitor, 200 even for a visitor Encore does not know yet (a new
     * cookie): then {@code guest} and {@code row} are null and the page shows the calendar.
     */
    private Response home(Request request) {
        String as = GuestKeys.key(Ids.guest(request, "id"));
        Optional<GuestEntry> guest = guests.find(as);
        Optional<WebRow> row = webSets.current(as);
        String language = Ids.language(request, "lang")
                .or(() -> guest.map(GuestEntry::language))
                .or(() -> row.map(WebRow::language))
                .map(ConcertViews::language)
                .orElse("da");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("as", as);
        body.put("language", language);
        body.put("guest", guest.map(Views::guest).orElse(null));
        body.put("row", row.map(r -> row(r, as, language)).orElse(null));
        body.put("calendar", catalogue.upcoming(clock.instant(), CALENDAR_SIZE).stream()
                .map(concert -> calendarItem(concert, as, language)).toList());
        body.put("catalogueSize", catalogue.size());
        body.put("servedAt", clock.instant().toString());
        return Response.ok(body);
    }

    private Map<String, Object> row(WebRow row, String as, String language) {
        List<Object> items = new ArrayList<>();
        for (WebRow.Item item : row.items()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("rank", item.rank());
            view.put("concertId", item.concertId());
            view.put("score", item.score());
            view.put("model", item.model());
            view.put("reasons", item.reasons());
            view.put("link", Views.concertLink(item.concertId(), row.recommendationId(), as));
            view.put("concert", catalogue.get(item.concertId()).map(c -> ConcertViews.of(c, language)).orElse(null));
            items.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recommendationId", row.recommendationId());
        view.put("guestId", row.guestId());
        view.put("arm", row.arm());
        view.put("holdout", row.holdout());
        view.put("language", row.language());
        view.put("generatedAt", row.generatedAt());
        view.put("source", row.source());
        view.put("items", items);
        return view;
    }

    private static Map<String, Object> calendarItem(Concert concert, String as, String language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("concert", ConcertViews.of(concert, language));
        view.put("link", Views.concertLink(concert.getConcertId(), null, as));
        return view;
    }

    private Response calendar(Request request) {
        String language = ConcertViews.language(Ids.language(request, "lang").orElse("da"));
        int limit = Ids.integer(request, "limit", 1, 100).orElse(20);
        return Response.ok(Map.of("concerts", catalogue.upcoming(clock.instant(), limit).stream()
                .map(concert -> ConcertViews.of(concert, language)).toList()));
    }

    private Response concert(Request request) {
        String id = Ids.concert(request, "id");
        String language = ConcertViews.language(Ids.language(request, "lang").orElse("da"));
        Concert concert = catalogue.get(id).orElseThrow(() -> new ApiException(404, "No concert " + id + " in the catalogue"));
        return Response.ok(ConcertViews.of(concert, language));
    }

    /**
     * {@code POST /api/actions/{action}?as=&concert=&rec=&seats=&q=&session=&lang=}: one input event as the
     * guest {@code as}; 202 with the event id and where it landed.
     */
    private Response act(Request request) throws InterruptedException {
        GuestAction action = GuestAction.fromPath(request.pathParam("action")).orElseThrow(() ->
                new ApiException(404, "No action '" + request.pathParam("action") + "'; use " + GuestAction.paths()));
        GuestIdentifier who = Ids.guest(request, "as");
        Optional<String> rec = Ids.recommendation(request, "rec");
        CompletableFuture<GuestActions.Sent> sent;
        if (action == GuestAction.SEARCH) {
            sent = actions.click(who, action, null, rec.orElse(null), Ids.text(request, "q"), context(request, "/"));
        } else {
            Concert concert = knownConcert(Ids.concert(request, "concert"));
            if (action == GuestAction.PURCHASE) {
                requireOnSale(concert);
                int seats = Ids.integer(request, "seats", 1, MAX_SEATS).orElse(1);
                sent = actions.purchase(who, concert, seats, rec.orElse(null));
            } else {
                sent = actions.click(who, action, concert.getConcertId(), rec.orElse(null), null,
                        context(request, "/concerts/" + Views.encode(concert.getConcertId())));
            }
        }
        GuestActions.Sent done = await(sent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action.path());
        body.put("eventId", done.eventId());
        body.put("key", done.key());
        body.put("topic", done.delivered().topic());
        body.put("partition", done.delivered().partition());
        body.put("offset", done.delivered().offset());
        body.put("recommendationId", rec.orElse(null));
        return Response.json(202, body);
    }

    private Concert knownConcert(String id) {
        return catalogue.get(id).orElseThrow(() -> new ApiException(404, "No concert " + id + " in the catalogue"));
    }

    private static void requireOnSale(Concert concert) {
        if (concert.getStatus() != ConcertStatus.ON_SALE) {
            throw new ApiException(409, "Concert " + concert.getConcertId() + " is " + concert.getStatus()
                    + ", not on sale");
        }
        if (concert.getSeatsAvailable() != null && concert.getSeatsAvailable() <= 0) {
            throw new ApiException(409, "Concert " + concert.getConcertId() + " has no seats left");
        }
    }

    private GuestActions.Context context(Request request, String path) {
        String host = request.header("Host").filter(h -> h.matches("[A-Za-z0-9.\\-:\\[\\]]{1,255}")).orElse("localhost");
        String session = Ids.session(request, "session").orElse("web-" + clock.millis() / 1_800_000L);
        String language = Ids.language(request, "lang").orElse(null);
        return new GuestActions.Context(session, "http://" + host + path, language, device(request));
    }

    private static Device device(Request request) {
        String agent = request.header("User-Agent").orElse("").toLowerCase(Locale.ROOT);
        if (agent.contains("ipad") || agent.contains("tablet")) {
            return Device.TABLET;
        }
        return agent.contains("mobile") ? Device.MOBILE : agent.isEmpty() ? Device.UNKNOWN : Device.DESKTOP;
    }

    static <T> T await(CompletableFuture<T> sent) throws InterruptedException {
        try {
            return sent.get(ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ApiException(503, "Kafka did not take the event: " + e.getCause().getMessage(), 1);
        } catch (TimeoutException e) {
            throw new ApiException(503, "Kafka did not acknowledge the event within " + ACK_TIMEOUT_MILLIS + " ms", 1);
        }
    }
}
