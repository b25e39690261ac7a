package io.encore.simulator.behaviour;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.CampaignKind;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.SalesChannel;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Season;
import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;
import io.encore.simulator.random.Draw;

/**
 * The simulated hall in motion: an agenda of what every guest does next (web visits, box-office purchases,
 * e-mail opens, ad impressions, refunds) and of the hall's own routines (catalogue updates as seats sell, a
 * newsletter campaign now and then), run in simulated-time order. Single-threaded and deterministic: the same
 * inputs — seed, audience, programme and the feedback applied at the same simulated times — give the same
 * records.
 *
 * <p>Feedback from Encore ({@link #apply}) closes the loop: the latest WEB list of a guest becomes its "Selected
 * for you" row, e-mails are answered, audiences see ads.
 */
public final class World implements Emitter {

    private static final long HOUR = 3600_000;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;
    /** Relative web and box-office activity per local hour of the day. */
    private static final double[] HOURS = {0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.2, 0.5, 0.7, 0.8, 0.8, 0.9,
        1.0, 0.9, 0.8, 0.8, 0.8, 0.9, 1.0, 1.0, 0.9, 0.7, 0.4, 0.15};
    private static final double MEAN_HOUR = Arrays.stream(HOURS).average().orElse(1);

    /**
     * @param seed                the simulation's seed (ids, the guests' streams)
     * @param rowSize             items of the "Selected for you" row the guest sees
     * @param newsletterEveryDays a newsletter campaign every this many simulated days; 0 for none
     * @param catalogueTick       how often the catalogue is checked for status and seat changes
     */
    public record Settings(long seed, int rowSize, int newsletterEveryDays, Duration catalogueTick) {

        public Settings {
            if (rowSize < 1 || newsletterEveryDays < 0 || catalogueTick.isNegative() || catalogueTick.isZero()) {
                throw new IllegalArgumentException("invalid world settings " + rowSize + ", " + newsletterEveryDays + ", " + catalogueTick);
            }
        }

        public static Settings defaults(long seed) {
            return new Settings(seed, 6, 7, Duration.ofHours(6));
        }
    }

    private final Programme programme;
    private final Audience audience;
    private final Inventory inventory;
    private final Settings settings;
    private final EventSink sink;
    private final EventClock clock;
    private final Agenda agenda = new Agenda();
    private final GuestState[] states;
    private final LoopStats stats = new LoopStats();
    private final ConcertChooser chooser;
    private final Purchases purchases;
    private final WebVisits web;
    private final EmailResponder email;
    private final AdResponder ads;
    private long now;
    private int newsletters;

    public World(Programme programme, Audience audience, Inventory inventory, Settings settings, EventSink sink,
                 EventClock clock, Instant start) {
        this.programme = programme;
        this.audience = audience;
        this.inventory = inventory;
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.now = start.toEpochMilli();
        this.states = new GuestState[audience.size()];
        for (Guest guest : audience.guests()) {
            states[guest.index()] = new GuestState(settings.seed(), guest, now);
        }
        this.chooser = new ConcertChooser(programme);
        this.purchases = new Purchases(this, inventory, agenda);
        this.web = new WebVisits(this, programme, inventory, purchases, stats, settings.rowSize());
        this.email = new EmailResponder(this, audience, programme, states, agenda, web, stats);
        this.ads = new AdResponder(this, audience, programme, states, agenda, web, stats);
    }

    /** Publishes every concert of the programme as it stands now. */
    public void publishCatalogue() {
        for (ConcertPlan concert : programme.concerts()) {
            inventory.changed(concert, now, stamp(now)).ifPresent(c -> emit(OutputTopic.CONCERTS, c.getConcertId(), c));
        }
    }

    /** Tells the world about a purchase made before it started (from the history), so guests do not buy twice. */
    public void historicalPurchase(int guest, int concert, boolean refunded, long at) {
        if (refunded) {
            states[guest].refund(concert);
        } else {
            states[guest].buy(concert, at);
        }
    }

    /** Schedules every guest's first visit and counter purchase and the hall's routines. */
    public void begin() {
        for (GuestState state : states) {
            scheduleVisit(state, now);
            scheduleCounter(state, now);
        }
        agenda.at(now + settings.catalogueTick().toMillis(), this::catalogueTick);
        if (settings.newsletterEveryDays() > 0) {
            LocalDate day = Instant.ofEpochMilli(now).atZone(Season.HALL_ZONE).toLocalDate().plusDays(2);
            agenda.at(day.atTime(9, 0).atZone(Season.HALL_ZONE).toInstant().toEpochMilli(), this::newsletter);
        }
    }

    /** Runs everything scheduled up to {@code until} (simulated epoch millis), then stands at {@code until}. */
    public void runUntil(long until) {
        while (agenda.next() <= until) {
            now = Math.max(now, agenda.next());
            agenda.runNext();
        }
        now = Math.max(now, until);
    }

    /** Applies what Encore published; call between {@link #runUntil} steps, from the same thread. */
    public void apply(Feedback feedback) {
        Objects.requireNonNull(feedback, "feedback");
        if (feedback instanceof Feedback.Recommendations r) {
            recommendations(r.key(), r.set());
        } else if (feedback instanceof Feedback.EmailSent e) {
            email.onSend(e.send());
        } else if (feedback instanceof Feedback.Audience a) {
            ads.onAudience(a.concertId(), a.audience());
        }
    }

    private void recommendations(String key, RecommendationSet set) {
        int bar = key.lastIndexOf('|');
        if (bar < 0 || !Channel.WEB.name().equals(key.substring(bar + 1))) {
            return;
        }
        Optional<Guest> guest = audience.byIdentifier(key.substring(0, bar));
        if (guest.isEmpty()) {
            stats.unknownGuest();
            return;
        }
        GuestState state = states[guest.get().index()];
        if (set == null) {
            if (state.web() != null && state.web().key().equals(key)) {
                state.web(null);
            }
            return;
        }
        List<Integer> concerts = new ArrayList<>();
        for (RecommendationItem item : set.getItems()) {
            programme.byId(item.getConcertId()).ifPresent(c -> concerts.add(c.index()));
        }
        state.web(new ShownList(key, set.getRecommendationId(), set.getArm(), set.getHoldout(),
                concerts.stream().mapToInt(Integer::intValue).toArray()));
    }

    private void scheduleVisit(GuestState state, long after) {
        double perYear = state.guest.value().visitsPerYear();
        if (perYear > 0) {
            agenda.at(nextActive(state, after, YEAR / perYear), () -> {
                web.visit(state, now);
                scheduleVisit(state, now);
            });
        }
    }

    private void scheduleCounter(GuestState state, long after) {
        if (state.guest.card() == null) {
            return;
        }
        double perYear = state.guest.value().ordersPerYear() * (state.guest.kind() == GuestKind.BOX_OFFICE ? 1.0 : 0.25);
        agenda.at(nextActive(state, after, YEAR / perYear), () -> {
            int chosen = chooser.choose(state.random, state.guest, now);
            if (chosen >= 0) {
                purchases.counter(state, programme.concert(chosen), now,
                        Draw.chance(state.random, 0.8) ? SalesChannel.BOX_OFFICE : SalesChannel.PHONE);
            }
            scheduleCounter(state, now);
        });
    }

    /** The next moment of a guest's activity: exponential waiting, thinned by the hour of the day. */
    private static long nextActive(GuestState state, long after, double meanMillis) {
        long at = after;
        while (true) {
            at += (long) Draw.exponential(state.random, meanMillis * MEAN_HOUR);
            int hour = Instant.ofEpochMilli(at).atZone(Season.HALL_ZONE).getHour();
            if (Draw.chance(state.random, HOURS[hour])) {
                return at;
            }
        }
    }

    private void catalogueTick() {
        for (ConcertPlan concert : programme.current().concerts()) {
            inventory.changed(concert, now, stamp(now)).ifPresent(c -> emit(OutputTopic.CONCERTS, c.getConcertId(), c));
        }
        agenda.at(now + settings.catalogueTick().toMillis(), this::catalogueTick);
    }

    /** The marketing team's newsletter: Encore picks the recipients and the concerts of the next 60 days. */
    private void newsletter() {
        String id = Ids.campaign(settings.seed(), ++newsletters);
        Campaign campaign = Campaign.newBuilder().setCampaignId(id).setKind(CampaignKind.NEWSLETTER)
                .setChannel(Channel.EMAIL).setWindowStart(null).setWindowEnd(Instant.ofEpochMilli(now + 60 * DAY))
                .setRelevanceThreshold(0.15).setMaxItemsPerRecipient(4).setLanguage(null)
                .setSubject("Udvalgt til dig: koncerter de næste uger").setRequestedAt(stamp(now)).build();
        emit(OutputTopic.CAMPAIGNS, id, campaign);
        agenda.at(now + settings.newsletterEveryDays() * DAY, this::newsletter);
    }

    @Override
    public void emit(OutputTopic topic, String key, SpecificRecord value) {
        sink.accept(new SimRecord(topic, key, value));
    }

    @Override
    public Instant stamp(long simulatedMillis) {
        return clock.stamp(simulatedMillis);
    }

    @Override
    public long seed() {
        return settings.seed();
    }

    @Override
    public long now() {
        return now;
    }

    public LoopStats stats() {
        return stats;
    }

    /** Scheduled actions waiting (a measure of the world's size). */
    public int pending() {
        return agenda.size();
    }
}
