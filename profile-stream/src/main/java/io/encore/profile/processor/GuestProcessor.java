package io.encore.profile.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.encore.profile.avro.CommandType;
import io.encore.profile.avro.EventKind;
import io.encore.profile.avro.GuestCommand;
import io.encore.profile.avro.GuestEvent;
import io.encore.profile.avro.GuestState;
import io.encore.profile.config.ProfileSettings;
import io.encore.profile.identity.Identifiers;
import io.encore.profile.ingest.Normalizer;
import io.encore.runtime.errors.DeadLetterMeter;
import io.encore.runtime.errors.RejectedRecordException;
import io.encore.runtime.metrics.Metrics;
import io.encore.profile.topology.ProfileNames;
import io.encore.profile.value.RfmCalculator;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.FailureStage;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.avro.ValueGroup;
import io.encore.schemas.privacy.Erasures;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The guest side of profile-stream, one instance per task: every input event and every guest command for the
 * identifiers of one partition meets here.
 *
 * <p>Input events are normalized (rejects throw {@link RejectedRecordException} and the configured
 * dead-letter handler writes them to {@code dead-letters} with their original bytes), de-duplicated by event
 * id, then applied to the guest the identifier belongs to: here if the identifier is a guest of its own, or
 * forwarded once over the guest-commands topic if it was merged into another guest. Identity links start the
 * merge exchange described in {@link IdentityProtocol}. Events naming a concert that is not profiled yet wait
 * in {@code pending-events} and are retried; after the hold time they are dead-lettered.
 */
public final class GuestProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** A command forwarded more often than this is evidence of a broken chain, not of a long one. */
    static final int MAX_HOPS = 16;
    private static final int SWEEP_BATCH = 10_000;
    private static final Duration SWEEP_TICK = Duration.ofMinutes(1);

    private final ProfileSettings settings;
    private final Normalizer normalizer;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, GuestState> guests;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, GuestCommand> pending;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<ConcertProfile>> concerts;
    private ProfileUpdater updater;
    private ValueTracker values;
    private ProfileView view;
    private IdentityProtocol identity;
    private String sweepCursor;
    private long recordTimestamp;
    private long nextSweepAt;
    private EventMeter events;
    private DeadLetterMeter deadLetters;

    public GuestProcessor(ProfileSettings settings) {
        this.settings = settings;
        this.normalizer = new Normalizer(settings.maxFutureSkew());
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        guests = context.getStateStore(ProfileNames.STORE_GUESTS);
        seen = context.getStateStore(ProfileNames.STORE_SEEN_EVENTS);
        pending = context.getStateStore(ProfileNames.STORE_PENDING_EVENTS);
        concerts = context.getStateStore(ProfileNames.STORE_CONCERT_PROFILES);
        RfmCalculator calculator = new RfmCalculator(settings.currentWindow(), settings.comparisonWindow());
        LedgerOps ledger = new LedgerOps(calculator.monthsNeeded());
        updater = new ProfileUpdater(settings, ledger);
        values = new ValueTracker(context.getStateStore(ProfileNames.STORE_VALUE_HISTOGRAMS),
                context.getStateStore(ProfileNames.STORE_SEGMENT_COUNTS), calculator, ledger);
        view = new ProfileView(settings.defaultProfiling(), (int) settings.currentWindow().toDays());
        identity = new IdentityProtocol(this, guests, updater, values, ledger, settings.dimension());
        MeterRegistry registry = Metrics.registry(context.appConfigs());
        events = new EventMeter(registry);
        deadLetters = new DeadLetterMeter(registry);
        nextSweepAt = context.currentSystemTimeMs() + settings.segmentPass().toMillis();
        context.schedule(settings.pendingRetry(), PunctuationType.WALL_CLOCK_TIME, this::retryPending);
        context.schedule(SWEEP_TICK, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        recordTimestamp = record.timestamp();
        if (value == null) {
            return; // a tombstone on a compacted input topic: the later state of that key is what counts
        }
        if (value instanceof GuestCommand command) {
            handle(record.key(), command);
        } else if (value instanceof IdentityLink link) {
            identity.link(record.key(), link, sourceTopic());
            events.count(sourceTopic(), EventMeter.IDENTITY_LINK);
        } else {
            GuestEvent event = normalizer.normalize(value, sourceTopic(), context.currentSystemTimeMs());
            ingest(record.key(), event);
            events.count(event.getSourceTopic(), event.getKind().name()); // after: a rejected one is a dead letter
        }
    }

    private void ingest(String key, GuestEvent event) {
        if (!event.getIdentifier().equals(key)) {
            // Keyed by something else than its identifier: route it to the partition that owns the identifier.
            send(event.getIdentifier(), command(CommandType.EVENT, null, event, 0), event.getOccurredAt());
            return;
        }
        if (!firstSighting(event.getSourceTopic(), event.getEventId(), event.getOccurredAt())) {
            return;
        }
        dispatch(key, event, 0);
    }

    /**
     * True the first time an event id is seen on its source topic (ids are unique per producer, not across
     * producers). Older than the de-duplication horizon, an event cannot be checked and is rejected rather than
     * risk counting it twice.
     */
    boolean firstSighting(String sourceTopic, String eventId, long occurredAt) {
        String id = sourceTopic + "|" + eventId;
        long horizon = context.currentStreamTimeMs() - settings.dedupRetention().toMillis();
        if (occurredAt < horizon) {
            throw new RejectedRecordException("event time " + Instant.ofEpochMilli(occurredAt)
                    + " is older than the de-duplication horizon of " + settings.dedupRetention());
        }
        // The id alone decides, at whatever time it was first seen: a re-send may carry a re-stamped occurredAt.
        try (WindowStoreIterator<Long> hits = seen.fetch(id, Math.max(0, horizon), Long.MAX_VALUE)) {
            if (hits.hasNext()) {
                return false;
            }
        }
        seen.put(id, occurredAt, occurredAt);
        return true;
    }

    private void handle(String key, GuestCommand command) {
        if (command.getHops() > MAX_HOPS) {
            throw new RejectedRecordException(command.getType() + " for " + key + " forwarded more than " + MAX_HOPS
                    + " times: identity chain is broken");
        }
        switch (command.getType()) {
            case EVENT -> {
                GuestEvent event = command.getEvent();
                if (command.getHops() == 0
                        && !firstSighting(event.getSourceTopic(), event.getEventId(), event.getOccurredAt())) {
                    return;
                }
                dispatch(key, command.getEvent(), command.getHops());
            }
            case ABSORB -> identity.absorb(key, command.getOther(), command.getHops());
            case HAND_OVER -> identity.handOver(key, command.getOther());
            case MERGE_IN -> identity.mergeIn(key, command.getState(), command.getHops());
            case REPOINT -> identity.repoint(key, command.getOther());
            case DETACH -> identity.detach(key, command.getOther(), command.getHops());
            case ERASE -> identity.eraseAlias(key, command.getOther());
            case UNKNOWN -> throw new RejectedRecordException("unknown guest command type");
        }
    }

    /** Applies the event to the guest {@code key} belongs to, following a redirect if it has one. */
    void dispatch(String key, GuestEvent event, int hops) {
        GuestState state = GuestStates.mutable(guests.get(key));
        if (GuestStates.isRedirect(state)) {
            send(state.getRedirectTo(), command(CommandType.EVENT, null, event, hops + 1), event.getOccurredAt());
            return;
        }
        Optional<ConcertProfile> concert = concertFor(event);
        if (concert == null) {
            hold(key, event);
            return;
        }
        GuestState guest = state == null ? GuestStates.newProfile(key, settings.dimension()) : state;
        updater.apply(guest, event, concert.orElse(null));
        if (event.getKind() == EventKind.CONSENT && event.getConsent().getErasure()) {
            identity.erase(guest, event);
            return;
        }
        publish(guest, event.getOccurredAt(), values.evaluate(guest, event.getOccurredAt()));
    }

    /**
     * The concert profile the event needs: empty when it needs none, null when it needs one that is not known
     * yet. Only events that carry taste or money need the concert; a delivery or an open does not.
     */
    private Optional<ConcertProfile> concertFor(GuestEvent event) {
        if (event.getConcertId() == null) {
            return Optional.empty();
        }
        ValueAndTimestamp<ConcertProfile> concert = concerts.get(event.getConcertId());
        if (concert != null) {
            return Optional.of(concert.value());
        }
        boolean needsConcert = event.getKind() == EventKind.PURCHASE || event.getKind() == EventKind.REFUND
                || settings.weights().of(event.getKind(), event.getRecommendationId() != null) != 0.0;
        return needsConcert ? null : Optional.empty();
    }

    private void hold(String key, GuestEvent event) {
        String pendingKey = String.format("%013d|%s", context.currentSystemTimeMs(), event.getEventId());
        pending.put(pendingKey, command(CommandType.EVENT, key, event, 0));
    }

    private void retryPending(long now) {
        recordTimestamp = 0;
        long expiredBefore = now - settings.pendingHold().toMillis();
        var ready = new ArrayList<GuestCommand>();
        try (KeyValueIterator<String, GuestCommand> all = pending.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                GuestEvent event = entry.value.getEvent();
                boolean known = concerts.get(event.getConcertId()) != null;
                long heldAt = Long.parseLong(entry.key.substring(0, entry.key.indexOf('|')));
                if (known || heldAt < expiredBefore) {
                    pending.delete(entry.key);
                    ready.add(entry.value);
                }
            }
        }
        for (GuestCommand held : ready) {
            GuestEvent event = held.getEvent();
            if (concerts.get(event.getConcertId()) != null) {
                dispatch(held.getOther(), event, 0);
            } else {
                forget(event); // so a re-send once the concert exists counts
                context.forward(PendingExpiry.deadLetter(settings.applicationId(), event, settings.pendingHold(), now),
                        ProfileNames.SINK_DEAD_LETTERS);
                deadLetters.count(FailureStage.PROCESSING, DeadLetterMeter.Reason.HOLD_EXPIRED);
            }
        }
    }

    private void forget(GuestEvent event) {
        seen.put(event.getSourceTopic() + "|" + event.getEventId(), null, event.getOccurredAt());
    }

    /**
     * Drops the held events of an erased identifier, so a late concert cannot bring the guest back.
     *
     * @return how many were dropped
     */
    int purgePending(String identifier) {
        List<String> erased = new ArrayList<>();
        try (KeyValueIterator<String, GuestCommand> all = pending.all()) {
            all.forEachRemaining(entry -> {
                if (identifier.equals(entry.value.getOther())) {
                    erased.add(entry.key);
                }
            });
        }
        erased.forEach(pending::delete);
        return erased.size();
    }

    /** The wall-clock pass that finds guests whose segment changed only because time passed. */
    private void sweep(long now) {
        recordTimestamp = 0;
        if (sweepCursor == null && now < nextSweepAt) {
            return;
        }
        int visited = 0;
        try (KeyValueIterator<String, GuestState> batch = sweepCursor == null ? guests.all() : guests.range(sweepCursor, null)) {
            while (batch.hasNext() && visited < SWEEP_BATCH) {
                var entry = batch.next();
                visited++;
                sweepCursor = entry.key;
                if (!GuestStates.isRedirect(entry.value)) {
                    GuestState guest = GuestStates.mutable(entry.value);
                    values.evaluate(guest, now).ifPresent(change -> publish(guest, now, Optional.of(change)));
                }
            }
            if (!batch.hasNext()) {
                sweepCursor = null;
                nextSweepAt = now + settings.segmentPass().toMillis();
            }
        }
    }

    /** Stores the guest, publishes its profile and, when the segment or value group moved, the change. */
    void publish(GuestState guest, long timestamp, Optional<ValueTracker.Transition> transition) {
        guest.setVersion(guest.getVersion() + 1);
        guests.put(guest.getId(), guest);
        long now = context.currentSystemTimeMs();
        context.forward(new Record<>(guest.getId(), view.of(guest, values.rfm(guest), now), timestamp),
                ProfileNames.SINK_GUEST_PROFILES);
        transition.filter(ValueTracker.Transition::worthAnEvent).ifPresent(change ->
                context.forward(new Record<>(guest.getId(), segmentChange(guest, change, now), timestamp),
                        ProfileNames.SINK_SEGMENT_CHANGES));
    }

    /** The timestamp of the record being processed, or the wall clock inside a punctuation. */
    long recordTimestamp() {
        return recordTimestamp > 0 ? recordTimestamp : context.currentSystemTimeMs();
    }

    void tombstone(String id, long timestamp) {
        context.forward(new Record<>(id, null, timestamp), ProfileNames.SINK_GUEST_PROFILES);
    }

    /**
     * What an erasure writes once the stores are clean: the profile's tombstone, marked so the next
     * application knows it is an erasure and not a merge; a tombstone for every identity link keyed by the
     * guest or an alias; and the audit record, which names the guest by hash only.
     */
    void erased(String guestId, List<String> aliases, int heldEvents, GuestEvent request) {
        long at = request.getOccurredAt();
        Headers marked = Erasures.mark(new RecordHeaders(), request.getEventId());
        context.forward(new Record<String, SpecificRecord>(guestId, null, at, marked), ProfileNames.SINK_GUEST_PROFILES);
        List<String> identifiers = new ArrayList<>(aliases.size() + 1);
        identifiers.add(guestId);
        identifiers.addAll(aliases);
        identifiers.forEach(id -> context.forward(new Record<>(id, null, at), ProfileNames.SINK_IDENTITY_LINKS));
        long now = context.currentSystemTimeMs();
        List<String> actions = List.of(
                "store " + ProfileNames.STORE_GUESTS + ": the guest deleted, " + aliases.size()
                        + " alias redirects deleted on their partitions",
                "store " + ProfileNames.STORE_PENDING_EVENTS + ": " + heldEvents + " held events dropped",
                "stores " + ProfileNames.STORE_VALUE_HISTOGRAMS + ", " + ProfileNames.STORE_SEGMENT_COUNTS
                        + ": the guest taken out of the statistics",
                "topic guest-profiles: tombstone (" + Erasures.HEADER + " header)",
                "topic identity-links: " + identifiers.size() + " tombstones");
        context.forward(new Record<>(Erasures.subject(guestId),
                Erasures.audit(settings.applicationId(), guestId, request.getEventId(), at, now, identifiers.size(),
                        actions), now), ProfileNames.SINK_ERASURE_AUDITS);
    }

    void send(String target, GuestCommand command, long timestamp) {
        context.forward(new Record<>(target, command, timestamp), ProfileNames.SINK_GUEST_COMMANDS);
    }

    static GuestCommand command(CommandType type, String other, GuestEvent event, int hops) {
        return GuestCommand.newBuilder().setType(type).setOther(other).setEvent(event).setHops(hops).build();
    }

    private static SegmentChange segmentChange(GuestState guest, ValueTracker.Transition change, long now) {
        return SegmentChange.newBuilder()
                .setEventId(guest.getId() + ":" + guest.getVersion())
                .setGuestId(guest.getId())
                .setFromSegment(change.fromSegment() == LifecycleSegment.UNKNOWN ? null : change.fromSegment())
                .setToSegment(change.toSegment())
                .setFromValueGroup(change.fromGroup() == ValueGroup.UNKNOWN ? null : change.fromGroup())
                .setToValueGroup(change.toGroup())
                .setProfileVersion(guest.getVersion())
                .setChangedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private String sourceTopic() {
        return context.recordMetadata().map(metadata -> metadata.topic()).orElse("");
    }

    static boolean isUnlink(IdentityLink link) {
        return link.getReason() == LinkReason.UNLINK;
    }

    static String requireIdentifier(GuestIdentifier identifier, String field) {
        Identifiers.problem(identifier).ifPresent(problem -> {
            throw new RejectedRecordException(field + ": " + problem);
        });
        return Identifiers.key(identifier);
    }
}
