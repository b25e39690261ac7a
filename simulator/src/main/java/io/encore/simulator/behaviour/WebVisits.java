package io.encore.simulator.behaviour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.PerformerSpec;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Season;
import io.encore.simulator.catalogue.SubGenre;
import io.encore.simulator.random.Draw;

/**
 * A visit to the website. The home page shows the guest's "Selected for you" row first — Encore's latest WEB
 * list, or the site's own "coming up" row when there is none — and the guest reacts to each item by its hidden
 * affinity (a click, then perhaps a favourite or a purchase; "not interested" for what clearly does not fit),
 * carrying the list's recommendation id. Then the guest may look on its own: an artist search, the calendar.
 */
final class WebVisits {

    private static final long DAY = 24L * 3600 * 1000;

    private final Emitter out;
    private final Programme programme;
    private final Inventory inventory;
    private final Purchases purchases;
    private final LoopStats stats;
    private final int rowSize;

    WebVisits(Emitter out, Programme programme, Inventory inventory, Purchases purchases, LoopStats stats, int rowSize) {
        this.out = out;
        this.programme = programme;
        this.inventory = inventory;
        this.purchases = purchases;
        this.stats = stats;
        this.rowSize = rowSize;
    }

    void visit(GuestState state, long at) {
        Session session = new Session(out, state, at);
        if (state.hasAccount() && Draw.chance(state.random, Odds.login())) {
            session.logIn();
        } else if (state.guest.kind() == GuestKind.PROSPECT && !state.hasAccount() && Draw.chance(state.random, Odds.signUp())) {
            purchases.signUp(session);
            session.logIn();
        }
        session.view(Session.HOME, null, null, null);
        row(session);
        if (Draw.chance(state.random, 0.3)) {
            search(session);
        }
        if (Draw.chance(state.random, 0.45)) {
            calendar(session);
        }
    }

    /** The "Selected for you" row and what the guest does with it. */
    private void row(Session session) {
        GuestState state = session.state;
        ShownList list = state.web();
        boolean fromEncore = list != null && list.size() > 0;
        int[] items = fromEncore ? list.concerts() : comingUp(session.time());
        int shown = Math.min(rowSize, items.length);
        LoopStats.RowKind kind = !fromEncore ? LoopStats.RowKind.SITE_DEFAULT
                : list.holdout() ? LoopStats.RowKind.HOLDOUT
                : "unpersonalized".equals(list.arm()) ? LoopStats.RowKind.UNPERSONALIZED : LoopStats.RowKind.PERSONALIZED;
        String recommendationId = fromEncore ? list.recommendationId() : null;
        double affinitySum = 0;
        for (int rank = 0; rank < shown; rank++) {
            affinitySum += state.guest.affinity(programme.concert(items[rank]));
        }
        stats.rowShown(kind, shown, affinitySum);
        for (int rank = 0; rank < shown; rank++) {
            ConcertPlan concert = programme.concert(items[rank]);
            double affinity = state.guest.affinity(concert);
            if (Draw.chance(state.random, Odds.examine(rank + 1)) && Draw.chance(state.random, Odds.webClick(state.guest, affinity))) {
                stats.rowClick(kind);
                session.advance();
                session.view(concert.url(), Session.HOME, concert.concertId(), recommendationId);
                if (onConcertPage(session, concert, recommendationId, affinity)) {
                    stats.rowPurchase(kind);
                }
            } else if (recommendationId != null && Draw.chance(state.random, Odds.notInterested(state.guest, affinity))) {
                session.advance();
                session.react(ClickType.NOT_INTERESTED, concert, recommendationId);
            }
        }
    }

    /** What a guest may do on a concert's page; true when it bought. */
    boolean onConcertPage(Session session, ConcertPlan concert, String recommendationId, double affinity) {
        GuestState state = session.state;
        if (!state.favourite(concert.index()) && Draw.chance(state.random, Odds.favourite(affinity))) {
            session.advance();
            session.react(ClickType.FAVOURITE, concert, recommendationId);
            state.markFavourite(concert.index());
        }
        if (Draw.chance(state.random, Odds.share(affinity))) {
            session.react(ClickType.SHARE, concert, recommendationId);
        }
        return purchases.consider(session, concert, recommendationId, affinity);
    }

    /** The site's own row: the next concerts on sale, the same for everyone. */
    private int[] comingUp(long at) {
        int[] range = programme.startingBetween(at, at + 30 * DAY);
        int[] row = new int[rowSize];
        int count = 0;
        for (int i = range[0]; i < range[1] && count < rowSize; i++) {
            if (inventory.status(programme.concert(i), at) == ConcertStatus.ON_SALE) {
                row[count++] = i;
            }
        }
        return Arrays.copyOf(row, count);
    }

    /** An artist search for a favourite or a performer of a liked sub-genre, then perhaps their next concert. */
    private void search(Session session) {
        GuestState state = session.state;
        Guest guest = state.guest;
        String name = searchTarget(state);
        if (name == null) {
            return;
        }
        ConcertPlan next = nextOnSale(name, session.time());
        session.advance();
        session.search(typed(state, name), Draw.chance(state.random, 0.85) ? name : null, next == null ? null : next.concertId());
        if (next != null && Draw.chance(state.random, 0.7)) {
            session.advance();
            session.view(next.url(), Session.SEARCH, next.concertId(), null);
            onConcertPage(session, next, null, guest.affinity(next));
        }
    }

    private String searchTarget(GuestState state) {
        Guest guest = state.guest;
        if (!guest.taste().favourites().isEmpty() && Draw.chance(state.random, 0.5)) {
            return Draw.oneOf(state.random, guest.taste().favourites());
        }
        int genre = Draw.weighted(state.random, guest.taste().interest());
        if (genre < 0) {
            return null;
        }
        SubGenre subGenre = programme.taxonomy().subGenre(genre);
        PerformerSpec performer = Draw.oneOf(state.random, subGenre.performers());
        return performer.name();
    }

    /** What a guest types: the whole name, the last word, or the start of it. */
    private static String typed(GuestState state, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        double roll = state.random.nextDouble();
        if (roll < 0.6) {
            return lower;
        }
        if (roll < 0.85 && lower.contains(" ")) {
            return lower.substring(lower.lastIndexOf(' ') + 1);
        }
        return lower.substring(0, Math.max(3, (int) Math.ceil(lower.length() * 0.6)));
    }

    private ConcertPlan nextOnSale(String performer, long at) {
        for (int index : programme.byPerformer(performer)) {
            ConcertPlan concert = programme.concert(index);
            if (concert.startTime().toEpochMilli() > at && inventory.status(concert, at) == ConcertStatus.ON_SALE) {
                return concert;
            }
        }
        return null;
    }

    /** Browsing a week or a month of the calendar, opening what catches the eye (at most three pages). */
    private void calendar(Session session) {
        GuestState state = session.state;
        LocalDate today = Instant.ofEpochMilli(session.time()).atZone(Season.HALL_ZONE).toLocalDate();
        long from = Season.startOf(today.plusDays(state.random.nextInt(46))).toEpochMilli();
        long to = from + (Draw.chance(state.random, 0.5) ? 7 : 30) * DAY;
        session.advance();
        session.calendar(from, to);
        int[] range = programme.startingBetween(from, to);
        int opened = 0;
        for (int look = 0; look < 12 && range[1] > range[0] && opened < 3; look++) {
            ConcertPlan concert = programme.concert(range[0] + state.random.nextInt(range[1] - range[0]));
            if (inventory.status(concert, session.time()) != ConcertStatus.ON_SALE) {
                continue;
            }
            double affinity = state.guest.affinity(concert);
            if (Draw.chance(state.random, 0.03 + 0.5 * affinity * affinity * state.guest.habits().timeFit(concert))) {
                opened++;
                session.advance();
                session.view(concert.url(), Session.CALENDAR, concert.concertId(), null);
                onConcertPage(session, concert, null, affinity);
            }
        }
    }
}
