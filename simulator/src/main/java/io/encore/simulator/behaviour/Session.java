package io.encore.simulator.behaviour;

import java.time.Instant;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GeoLocation;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.random.Draw;

/**
 * One visit to the website: a browser (cookie) of the guest, the identifier the tracker sees (the cookie until
 * the guest logs in, then the account), and the visit's own clock, which moves on a little with every page.
 */
final class Session {

    static final String HOME = ConcertPlan.SITE + "/";
    static final String CALENDAR = ConcertPlan.SITE + "/kalender";
    static final String SEARCH = ConcertPlan.SITE + "/soeg";
    private static final Device[] DEVICES = {Device.DESKTOP, Device.MOBILE, Device.TABLET};

    private final Emitter out;
    final GuestState state;
    final Guest guest;
    private final int device;
    private final String sessionId;
    private final GeoLocation location;
    private GuestIdentifier identifier;
    private long time;

    Session(Emitter out, GuestState state, long start) {
        this.out = out;
        this.state = state;
        this.guest = state.guest;
        this.device = pickDevice(state);
        this.sessionId = Ids.session(out.seed(), guest.index(), state.nextSession());
        this.location = guest.person().address() == null ? null
                : new GeoLocation(guest.person().address().city(), guest.person().address().country());
        this.identifier = guest.cookie(device);
        this.time = start;
        if (state.firstVisitOf(device)) {
            ReferenceData.Timed banner = ReferenceData.consent(nextId(), out.stamp(time).toEpochMilli(), identifier,
                    guest.consent().bannerPart(), "cookie-banner");
            out.emit(OutputTopic.GUEST_CONSENTS, banner.record().key(), banner.record().value());
        }
    }

    private static int pickDevice(GuestState state) {
        int devices = state.guest.cookies().size();
        // The first browser is the usual one.
        return devices == 1 || Draw.chance(state.random, 0.6) ? 0 : 1 + state.random.nextInt(devices - 1);
    }

    long time() {
        return time;
    }

    boolean loggedIn() {
        return identifier.equals(guest.guestIdentifier());
    }

    /** Moves the visit's clock on by 10 s to 2 min, the time spent on a page. */
    void advance() {
        time += 10_000 + state.random.nextInt(110_000);
    }

    /**
     * Logs in: the tracker links this browser to the account the first time (an {@code identity-links} LOGIN),
     * and the rest of the visit is seen under the account.
     */
    void logIn() {
        if (!state.hasAccount() || loggedIn()) {
            return;
        }
        if (!state.loggedIn(device)) {
            state.logIn(device);
            ReferenceData.Timed link = ReferenceData.link(nextId(), out.stamp(time).toEpochMilli(), guest.cookie(device),
                    guest.guestIdentifier(), LinkReason.LOGIN);
            out.emit(OutputTopic.IDENTITY_LINKS, link.record().key(), link.record().value());
        }
        identifier = guest.guestIdentifier();
    }

    void view(String pageUrl, String referrer, String concertId, String recommendationId) {
        emit(base(ClickType.PAGE_VIEW, pageUrl).setReferrerUrl(referrer).setConcertId(concertId)
                .setRecommendationId(recommendationId));
    }

    void react(ClickType type, ConcertPlan concert, String recommendationId) {
        emit(base(type, concert.url()).setConcertId(concert.concertId()).setRecommendationId(recommendationId));
    }

    void search(String query, String performer, String concertId) {
        emit(base(ClickType.ARTIST_SEARCH, SEARCH).setSearchQuery(query).setPerformer(performer).setConcertId(concertId));
    }

    void calendar(long from, long to) {
        emit(base(ClickType.CALENDAR_BROWSE, CALENDAR).setCalendarFrom(Instant.ofEpochMilli(from))
                .setCalendarTo(Instant.ofEpochMilli(to)));
    }

    String nextId() {
        return Ids.event(out.seed(), guest.index(), state.nextEvent());
    }

    private ClickEvent.Builder base(ClickType type, String pageUrl) {
        return ClickEvent.newBuilder().setEventId(nextId()).setOccurredAt(out.stamp(time)).setIdentifier(identifier)
                .setSessionId(sessionId).setType(type).setChannel(Channel.WEB).setPageUrl(pageUrl)
                .setDevice(DEVICES[Math.min(device, DEVICES.length - 1)]).setLocation(location)
                .setLanguage(guest.person().language()).setSource(ReferenceData.SOURCE);
    }

    private void emit(ClickEvent.Builder event) {
        out.emit(OutputTopic.CLICK_EVENTS, GuestKeys.key(identifier), event.build());
    }
}
