package io.encore.profile.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.profile.avro.ChannelStats;
import io.encore.profile.avro.CommandType;
import io.encore.profile.avro.GuestCommand;
import io.encore.profile.avro.GuestEvent;
import io.encore.profile.avro.GuestState;
import io.encore.profile.avro.RecentEvent;
import io.encore.profile.identity.Identifiers;
import io.encore.runtime.errors.RejectedRecordException;
import io.encore.schemas.avro.IdentityLink;

/**
 * Identity stitching as a short exchange of commands between the partitions that own two identifiers, so no
 * instance ever needs another instance's state:
 *
 * <ol>
 *   <li>A link between A and B (arriving at A's partition) names a survivor S = the higher of the two in
 *       {@link Identifiers#SURVIVOR_ORDER} and sends {@code ABSORB(loser)} to S.</li>
 *   <li>S follows its own redirect if it has one, so the command reaches the root R of S's guest; R lists the
 *       loser L among its aliases and sends {@code HAND_OVER(R)} to L.</li>
 *   <li>L hands its whole profile to R ({@code MERGE_IN}), tells its own aliases to point at R directly
 *       ({@code REPOINT}), turns into a redirect to R and tombstones its published profile.</li>
 * </ol>
 *
 * Events that reach L before step 3 are part of what it hands over; events after it are forwarded to R. A
 * redirect always points to a higher identifier, so chains (cookie → card → guest) end, and REPOINT keeps
 * them one hop long. Conflicts — L already belongs to another guest X — are settled by the latest link: L
 * moves to R for everything that follows, X keeps the history it already merged and drops L from its aliases.
 */
final class IdentityProtocol {

    private final GuestProcessor guests;
    private final KeyValueStore<String, GuestState> store;
    private final ProfileUpdater updater;
    private final ValueTracker values;
    private final LedgerOps ledger;
    private final int dimension;

    IdentityProtocol(GuestProcessor guests, KeyValueStore<String, GuestState> store, ProfileUpdater updater,
                     ValueTracker values, LedgerOps ledger, int dimension) {
        this.dimension = dimension;
        this.guests = guests;
        this.store = store;
        this.updater = updater;
        this.values = values;
        this.ledger = ledger;
    }

    void link(String key, IdentityLink link, String sourceTopic) {
        String from = GuestProcessor.requireIdentifier(link.getFrom(), "from");
        String to = GuestProcessor.requireIdentifier(link.getTo(), "to");
        if (from.equals(to)) {
            throw new RejectedRecordException("identity link from " + from + " to itself");
        }
        if (link.getEventId() == null || link.getEventId().isBlank()) {
            throw new RejectedRecordException("missing eventId");
        }
        long at = link.getOccurredAt().toEpochMilli();
        if (GuestProcessor.isUnlink(link)) {
            if (!from.equals(key)) {
                throw new RejectedRecordException("UNLINK must be keyed by its from identifier " + from + ", was " + key);
            }
            if (guests.firstSighting(sourceTopic, link.getEventId(), at)) {
                unlink(from, at);
            }
            return;
        }
        if (!guests.firstSighting(sourceTopic, link.getEventId(), at)) {
            return;
        }
        String survivor = Identifiers.survivor(from, to);
        String loser = survivor.equals(from) ? to : from;
        guests.send(survivor, command(CommandType.ABSORB, loser, 0), at);
    }

    void absorb(String key, String loser, int hops) {
        GuestState state = GuestStates.mutable(store.get(key));
        long now = timestamp(state);
        if (GuestStates.isRedirect(state)) {
            guests.send(state.getRedirectTo(), command(CommandType.ABSORB, loser, hops + 1), now);
            return;
        }
        if (loser.equals(key)) {
            return;
        }
        if (Identifiers.SURVIVOR_ORDER.compare(loser, key) > 0) {
            guests.send(loser, command(CommandType.ABSORB, key, hops + 1), now); // the loser's root outranks us
            return;
        }
        GuestState root = state == null ? GuestStates.newProfile(key, dimension) : state;
        if (!root.getAliases().contains(loser)) {
            root.getAliases().add(loser);
            root.setKnown(root.getKnown() || Identifiers.isKnown(loser));
            guests.publish(root, now, state == null ? values.evaluate(root, now) : Optional.empty());
        }
        guests.send(loser, command(CommandType.HAND_OVER, key, 0), now);
    }

    void handOver(String key, String root) {
        GuestState state = GuestStates.mutable(store.get(key));
        long now = timestamp(state);
        if (state == null) {
            store.put(key, GuestStates.redirect(key, root));
            return;
        }
        if (GuestStates.isRedirect(state)) {
            String previous = state.getRedirectTo();
            if (!previous.equals(root)) {
                store.put(key, GuestStates.redirect(key, root));
                guests.send(previous, command(CommandType.DETACH, key, 0), now);
            }
            return;
        }
        GuestCommand merge = command(CommandType.MERGE_IN, key, 0);
        merge.setState(state);
        guests.send(root, merge, now);
        for (String alias : state.getAliases()) {
            if (!alias.equals(root)) {
                guests.send(alias, command(CommandType.REPOINT, root, 0), now);
            }
        }
        values.forget(state);
        store.put(key, GuestStates.redirect(key, root));
        guests.tombstone(key, now);
    }

    void mergeIn(String key, GuestState other, int hops) {
        GuestState state = GuestStates.mutable(store.get(key));
        long now = timestamp(other);
        if (GuestStates.isRedirect(state)) {
            GuestCommand forward = command(CommandType.MERGE_IN, other.getId(), hops + 1);
            forward.setState(other);
            guests.send(state.getRedirectTo(), forward, now);
            return;
        }
        GuestState root = state == null ? GuestStates.newProfile(key, dimension) : state;
        merge(root, other);
        guests.publish(root, now, values.evaluate(root, now));
    }

    void repoint(String key, String root) {
        GuestState state = GuestStates.mutable(store.get(key));
        if (state == null || GuestStates.isRedirect(state)) {
            store.put(key, GuestStates.redirect(key, root));
        }
    }

    void detach(String key, String alias, int hops) {
        GuestState state = GuestStates.mutable(store.get(key));
        if (state == null) {
            return;
        }
        if (GuestStates.isRedirect(state)) {
            guests.send(state.getRedirectTo(), command(CommandType.DETACH, alias, hops + 1), timestamp(state));
            return;
        }
        if (state.getAliases().remove(alias)) {
            state.setKnown(Identifiers.isKnown(key) || state.getAliases().stream().anyMatch(Identifiers::isKnown));
            guests.publish(state, timestamp(state), Optional.empty());
        }
    }

    /**
     * Erasure: the guest and every alias disappear from the store and the statistics, its held events are
     * dropped, and the processor tombstones its profile (marked as an erasure) and links and audits it.
     */
    void erase(GuestState guest, GuestEvent request) {
        List<String> aliases = List.copyOf(guest.getAliases());
        for (String alias : aliases) {
            guests.send(alias, command(CommandType.ERASE, guest.getId(), 0), request.getOccurredAt());
        }
        values.forget(guest);
        store.delete(guest.getId());
        int held = guests.purgePending(guest.getId());
        guests.erased(guest.getId(), aliases, held, request);
    }

    void eraseAlias(String key, String root) {
        GuestState state = GuestStates.mutable(store.get(key));
        if (state != null && (GuestStates.isRedirect(state) && state.getRedirectTo().equals(root))) {
            store.delete(key);
            guests.purgePending(key);
        }
    }

    private void unlink(String from, long at) {
        GuestState state = GuestStates.mutable(store.get(from));
        if (GuestStates.isRedirect(state)) {
            store.delete(from);
            guests.send(state.getRedirectTo(), command(CommandType.DETACH, from, 0), at);
        }
    }

    private void merge(GuestState into, GuestState other) {
        updater.taste().merge(into, other);
        ledger.merge(into, other);
        add(into.getWeekdays(), other.getWeekdays());
        add(into.getDayparts(), other.getDayparts());
        add(into.getLeadTimes(), other.getLeadTimes());
        other.getHalls().forEach((hall, count) -> into.getHalls().merge(hall, count, Double::sum));
        other.getPriceBands().forEach((band, count) -> into.getPriceBands().merge(band, count, Double::sum));
        other.getChannels().forEach((channel, stats) -> into.getChannels().merge(channel, stats, IdentityProtocol::sum));
        other.getCategorySpend().forEach((category, spend) -> into.getCategorySpend().merge(category, spend, Long::sum));
        other.getMarketSpend().forEach((category, spend) -> into.getMarketSpend().putIfAbsent(category, spend));
        other.getPurchased().stream().filter(id -> !into.getPurchased().contains(id)).forEach(into.getPurchased()::add);
        other.getSeats().forEach((concert, seats) -> into.getSeats().merge(concert, seats, Integer::sum));
        other.getOrderSeats().forEach((order, seats) -> into.getOrderSeats().merge(order, seats, Integer::sum));
        mergeRecent(into, other);
        into.setEventCount(into.getEventCount() + other.getEventCount());
        into.setLearnedCount(into.getLearnedCount() + other.getLearnedCount());
        into.setIgnoredCount(into.getIgnoredCount() + other.getIgnoredCount());
        into.setFirstSeenAt(min(into.getFirstSeenAt(), other.getFirstSeenAt()));
        into.setLastEventAt(max(into.getLastEventAt(), other.getLastEventAt()));
        into.setRfmAsOf(max(into.getRfmAsOf(), other.getRfmAsOf()));
        into.setConsent(into.getConsent() == null ? other.getConsent() : into.getConsent());
        into.setPreferredLanguage(into.getPreferredLanguage() == null ? other.getPreferredLanguage() : into.getPreferredLanguage());
        into.setCurrency(into.getCurrency() == null ? other.getCurrency() : into.getCurrency());
        List<String> aliases = into.getAliases();
        for (String alias : concat(other.getAliases(), other.getId())) {
            if (!alias.equals(into.getId()) && !aliases.contains(alias)) {
                aliases.add(alias);
            }
        }
        into.setKnown(into.getKnown() || other.getKnown() || aliases.stream().anyMatch(Identifiers::isKnown));
    }

    private static void mergeRecent(GuestState into, GuestState other) {
        List<RecentEvent> recent = new ArrayList<>(into.getRecent());
        int limit = Math.max(into.getRecent().size(), other.getRecent().size());
        recent.addAll(other.getRecent());
        recent.sort(Comparator.comparingLong(RecentEvent::getOccurredAt).reversed().thenComparing(RecentEvent::getEventId));
        into.setRecent(new ArrayList<>(recent.subList(0, Math.min(Math.max(limit, 1), recent.size()))));
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static ChannelStats sum(ChannelStats a, ChannelStats b) {
        return new ChannelStats(a.getExposures() + b.getExposures(), a.getOpens() + b.getOpens(),
                a.getClicks() + b.getClicks(), a.getNegatives() + b.getNegatives());
    }

    private static void add(List<Double> into, List<Double> other) {
        for (int i = 0; i < into.size() && i < other.size(); i++) {
            into.set(i, into.get(i) + other.get(i));
        }
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    /** Commands carry the timestamp of the record that caused them, so retention treats them alike. */
    private long timestamp(GuestState ignored) {
        return guests.recordTimestamp();
    }

    private static GuestCommand command(CommandType type, String other, int hops) {
        return GuestProcessor.command(type, other, null, hops);
    }
}
