package io.encore.profile.processor;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.profile.avro.ChannelStats;
import io.encore.profile.avro.ConsentFlags;
import io.encore.profile.avro.EventKind;
import io.encore.profile.avro.GuestEvent;
import io.encore.profile.avro.GuestState;
import io.encore.profile.avro.RecentEvent;
import io.encore.profile.concepts.Concept;
import io.encore.profile.concepts.FeatureHashing;
import io.encore.profile.config.ProfileSettings;
import io.encore.profile.taste.TasteModel;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.WeightedConcept;

/**
 * Applies one normalized event to a guest's profile: counters, consent, channel responsiveness, the
 * purchase ledger and habits, and — when the guest allows profiling — the decayed taste.
 */
final class ProfileUpdater {

    /** Habits are read in the venue's time zone: a concert at 19:30 is an evening concert. */
    private static final ZoneId VENUE_ZONE = ZoneId.of("Europe/Copenhagen");

    private final ProfileSettings settings;
    private final TasteModel taste;
    private final LedgerOps ledger;

    ProfileUpdater(ProfileSettings settings, LedgerOps ledger) {
        this.settings = settings;
        this.taste = new TasteModel(settings.halfLife(), settings.tasteConcepts());
        this.ledger = ledger;
    }

    TasteModel taste() {
        return taste;
    }

    /** Applies {@code event}; {@code concert} is the profile of the concert it names, or null if it names none. */
    void apply(GuestState state, GuestEvent event, ConcertProfile concert) {
        count(state, event);
        if (event.getKind() == EventKind.CONSENT) {
            applyConsent(state, event.getConsent());
            return;
        }
        if (event.getKind() == EventKind.MARKET_SPEND) {
            state.getMarketSpend().put(event.getCategory(), event.getAmountMinor());
            return;
        }
        if (event.getKind() == EventKind.PURCHASE || event.getKind() == EventKind.REFUND) {
            applySale(state, event, concert);
        }
        if (event.getKind() == EventKind.EMAIL_UNSUBSCRIBE || event.getKind() == EventKind.EMAIL_COMPLAINT) {
            withdrawEmail(state);
        }
        if (!profilingAllowed(state)) {
            state.setIgnoredCount(state.getIgnoredCount() + 1);
            return;
        }
        updateChannels(state, event);
        learn(state, event, concert);
    }

    boolean profilingAllowed(GuestState state) {
        return state.getConsent() == null ? settings.defaultProfiling() : state.getConsent().getProfiling();
    }

    private void count(GuestState state, GuestEvent event) {
        long at = event.getOccurredAt();
        state.setEventCount(state.getEventCount() + 1);
        state.setFirstSeenAt(state.getFirstSeenAt() == null ? at : Math.min(state.getFirstSeenAt(), at));
        state.setLastEventAt(state.getLastEventAt() == null ? at : Math.max(state.getLastEventAt(), at));
        if (event.getLanguage() != null && !event.getLanguage().isBlank()) {
            state.setPreferredLanguage(event.getLanguage());
        }
    }

    private void applyConsent(GuestState state, ConsentFlags consent) {
        boolean revoked = profilingAllowed(state) && !consent.getProfiling();
        state.setConsent(consent);
        if (revoked) {
            forgetLearning(state);
        }
    }

    /** Profiling consent withdrawn: what was learned is discarded, not merely hidden. */
    private static void forgetLearning(GuestState state) {
        GuestState blank = GuestStates.newProfile(state.getId(), state.getVector().size());
        state.setConcepts(blank.getConcepts());
        state.setVector(blank.getVector());
        state.setWeekdays(blank.getWeekdays());
        state.setDayparts(blank.getDayparts());
        state.setLeadTimes(blank.getLeadTimes());
        state.setHalls(new HashMap<>());
        state.setPriceBands(new HashMap<>());
        state.setChannels(new HashMap<>());
        state.setRecent(new ArrayList<>());
        state.setAnchorAt(0);
        state.setLearnedCount(0);
    }

    private static void withdrawEmail(GuestState state) {
        ConsentFlags current = state.getConsent();
        state.setConsent(current == null
                ? new ConsentFlags(true, false, false, true, false, false)
                : ConsentFlags.newBuilder(current).setEmail(false).build());
    }

    private void applySale(GuestState state, GuestEvent sale, ConcertProfile concert) {
        boolean purchase = sale.getKind() == EventKind.PURCHASE;
        String concertId = sale.getConcertId();
        int seats = purchase ? Math.max(sale.getSeats(), 1) : -Math.max(sale.getSeats(), 1);
        state.getSeats().merge(concertId, seats, Integer::sum);
        // An order counts while it holds a seat: a partial refund changes the amount, not the orders. Sums, so
        // a refund that arrives before its purchase ends in the same place.
        int before = state.getOrderSeats().getOrDefault(sale.getOrderId(), 0);
        int after = before + seats;
        state.getOrderSeats().put(sale.getOrderId(), after);
        boundOrders(state);
        int orders = before <= 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
        ledger.record(state, sale.getOccurredAt(), purchase ? sale.getAmountMinor() : -sale.getAmountMinor(), orders,
                purchase);
        if (sale.getCurrency() != null) {
            state.setCurrency(sale.getCurrency());
        }
        rememberConcert(state, concertId);
        long signedAmount = purchase ? sale.getAmountMinor() : -sale.getAmountMinor();
        for (String tag : concert.getTags()) {
            state.getCategorySpend().merge(tag, signedAmount, Long::sum);
        }
        if (profilingAllowed(state)) {
            countHabits(state, sale, concert, purchase ? 1.0 : -1.0);
        }
    }

    /** At most four orders per remembered concert; settled (seatless) orders go first, then the oldest ids. */
    private void boundOrders(GuestState state) {
        Map<String, Integer> orders = state.getOrderSeats();
        int limit = 4 * settings.purchasedConcerts();
        if (orders.size() <= limit) {
            return;
        }
        List<String> drop = orders.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue() > 0).thenComparing(Map.Entry::getKey))
                .limit(orders.size() - limit).map(Map.Entry::getKey).toList();
        drop.forEach(orders::remove);
    }

    /** Keeps the bounded list of concerts the guest bought or returned; the oldest falls out first. */
    private void rememberConcert(GuestState state, String concertId) {
        List<String> concerts = state.getPurchased();
        if (concerts.contains(concertId)) {
            return;
        }
        concerts.add(concertId);
        while (concerts.size() > settings.purchasedConcerts()) {
            state.getSeats().remove(concerts.remove(0));
        }
    }

    private static void countHabits(GuestState state, GuestEvent sale, ConcertProfile concert, double delta) {
        if (concert.getStartTime() != null) {
            ZonedDateTime start = concert.getStartTime().atZone(VENUE_ZONE);
            bump(state.getWeekdays(), start.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue(), delta);
            int hour = start.getHour();
            bump(state.getDayparts(), hour < 12 ? 0 : hour < 17 ? 1 : hour < 21 ? 2 : 3, delta);
            long days = Math.max(0, (concert.getStartTime().toEpochMilli() - sale.getOccurredAt()) / 86_400_000L);
            bump(state.getLeadTimes(), days < 7 ? 0 : days < 30 ? 1 : days < 90 ? 2 : 3, delta);
        }
        if (concert.getHall() != null) {
            state.getHalls().merge(concert.getHall(), delta, Double::sum);
        }
        if (sale.getPriceBand() != null) {
            state.getPriceBands().merge(sale.getPriceBand(), delta, Double::sum);
        }
    }

    /** Counters are plain sums (a refund may land before its purchase); readers clamp at zero. */
    private static void bump(List<Double> counts, int index, double delta) {
        counts.set(index, counts.get(index) + delta);
    }

    private static void updateChannels(GuestState state, GuestEvent event) {
        String channel = switch (event.getKind()) {
            case EMAIL_DELIVERED, EMAIL_OPEN, EMAIL_CLICK, EMAIL_UNSUBSCRIBE, EMAIL_COMPLAINT -> "EMAIL";
            case AD_IMPRESSION, AD_CLICK, AD_HIDE -> "ADS";
            case PAGE_VIEW, NOT_INTERESTED -> "WEB";
            default -> null;
        };
        if (channel == null) {
            return;
        }
        ChannelStats stats = state.getChannels().computeIfAbsent(channel, c -> new ChannelStats(0L, 0L, 0L, 0L));
        switch (event.getKind()) {
            case EMAIL_DELIVERED, AD_IMPRESSION -> stats.setExposures(stats.getExposures() + 1);
            case EMAIL_OPEN -> stats.setOpens(stats.getOpens() + 1);
            case PAGE_VIEW -> {
                stats.setExposures(stats.getExposures() + 1);
                stats.setOpens(stats.getOpens() + 1);
                if (event.getRecommendationId() != null) {
                    stats.setClicks(stats.getClicks() + 1);
                }
            }
            case EMAIL_CLICK, AD_CLICK -> stats.setClicks(stats.getClicks() + 1);
            default -> stats.setNegatives(stats.getNegatives() + 1);
        }
    }

    private void learn(GuestState state, GuestEvent event, ConcertProfile concert) {
        double weight = settings.weights().of(event.getKind(), event.getRecommendationId() != null);
        if (weight == 0.0) {
            return;
        }
        Map<String, Double> concepts = new HashMap<>();
        List<Float> vector;
        if (concert != null) {
            for (WeightedConcept concept : concert.getConcepts()) {
                concepts.put(new Concept(concept.getKind(), concept.getConcept()).key(), (double) concept.getWeight());
            }
            vector = concert.getVector();
        } else if (event.getPerformer() != null) {
            Concept performer = new Concept(ConceptKind.PERFORMER, event.getPerformer());
            concepts.put(performer.key(), 1.0);
            vector = FeatureHashing.unit(performer.key(), settings.dimension());
        } else {
            return;
        }
        taste.add(state, event.getOccurredAt(), weight, concepts, vector);
        state.setLearnedCount(state.getLearnedCount() + 1);
        remember(state, event, weight);
    }

    private void remember(GuestState state, GuestEvent event, double weight) {
        List<RecentEvent> recent = state.getRecent();
        recent.add(new RecentEvent(event.getEventId(), event.getKind().name(), event.getConcertId(),
                event.getOccurredAt(), weight));
        recent.sort(Comparator.comparingLong(RecentEvent::getOccurredAt).reversed()
                .thenComparing(RecentEvent::getEventId));
        while (recent.size() > settings.recentEvents()) {
            recent.remove(recent.size() - 1);
        }
    }
}
