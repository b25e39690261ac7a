package io.encore.scoring.processor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.runtime.metrics.Metrics;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ChannelResponse;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.MovedConcert;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.privacy.Erasures;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.avro.SignalEvent;
import io.encore.scoring.avro.SignalType;
import io.encore.scoring.bandit.BanditSnapshot;
import io.encore.scoring.bandit.Holdout;
import io.encore.scoring.bandit.ThompsonBandit;
import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.catalogue.CatalogueSnapshots;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.GuestView;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.ranking.ChangeDetector;
import io.encore.scoring.ranking.Ranked;
import io.encore.scoring.ranking.Ranker;
import io.encore.scoring.signals.RecommendationIds;
import io.encore.scoring.signals.SignalKeys;
import io.encore.scoring.signals.SignalsView;
import io.encore.scoring.signals.TasteBuckets;
import io.encore.scoring.topology.ScoringNames;

/**
 * The guest side of scoring-stream, one per task. A guest's profile change re-scores that guest; a catalogue
 * change (broadcast to every task) re-scores every guest of the task, a batch per wall-clock tick so no task
 * is blocked for long; a concert whose date passed drops out at the next tick. For each consented channel the
 * guest's bandit picks a model (holdout guests get the non-personalized control), the ranker builds the list,
 * and a {@link RecommendationSet} plus a {@link RecommendationChange} are published only when the visible
 * list changed beyond the detector's threshold.
 *
 * <p>The experiment's unit is an <em>exposure</em>: a guest on a channel under one arm for the exposure window.
 * The arm is drawn when an exposure starts and kept while it lasts; every list of the exposure is credited to it,
 * and it counts as one trial however often its list changed. Counting a trial per published list instead would
 * weigh arms by how often their lists change — personalized lists change on nearly every event, the holdout's
 * non-personalized list rarely — and bias the uplift against personalization. An exposure starts with the
 * guest's first list, and again at the guest's first activity on the channel (a page view, an ad impression, an
 * e-mail delivered or opened, as counted in the profile) after the window closed — catalogue sweeps and other
 * channels' activity never start one, so trials count guests who were there, in every arm alike; the list is
 * then published again even if unchanged, with the new exposure's id.
 */
public final class ScoringProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** The arm of the holdout's lists: the baseline that uplift is measured against. */
    public static final String CONTROL_ARM = "control";
    /** The same non-personalized list for guests who do not allow profiling; not part of the holdout. */
    public static final String UNPERSONALIZED_ARM = "unpersonalized";
    private static final Duration EXPIRY_TICK = Duration.ofMinutes(1);
    /** No event behind a re-score: a catalogue sweep. */
    private static final long NO_EVENT = -1;

    private final ScoringSettings settings;
    private final Function<SignalsView, List<ScoringModel>> modelFactory;
    private final Function<SignalsView, ScoringModel> controlFactory;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, GuestProfile> guests;
    private KeyValueStore<String, CatalogueEntry> catalogueStore;
    private KeyValueStore<String, RecommendationSet> sets;
    private KeyValueStore<String, String> contactLedgers;
    private KeyValueStore<String, GuestContact> contacts;
    private Map<String, ScoringModel> models;
    private ScoringModel control;
    private SignalsView signals;
    private TwinAudiences twinAudiences;
    private TasteBuckets buckets;
    private long now;
    private final Map<Channel, Ranker> rankers = new EnumMap<>(Channel.class);
    private final Map<Channel, Ranker> controlRankers = new EnumMap<>(Channel.class);
    private final Map<Channel, ChangeDetector> detectors = new EnumMap<>(Channel.class);
    private Holdout holdout;
    private Catalogue catalogue;
    private boolean catalogueDirty = true;
    private RecommendationChangeReason pendingSweep;
    private String sweepCursor;
    private boolean sweeping;
    private boolean changedDuringSweep;
    private long lastExpiryCheck;
    private Sensor sweepRescores;
    private ScoringMeters meters;

    public ScoringProcessor(ScoringSettings settings, Function<SignalsView, List<ScoringModel>> models,
                            Function<SignalsView, ScoringModel> control) {
        this.settings = settings;
        this.modelFactory = models;
        this.controlFactory = control;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        guests = context.getStateStore(ScoringNames.STORE_GUESTS);
        catalogueStore = context.getStateStore(ScoringNames.STORE_CATALOGUE);
        sets = context.getStateStore(ScoringNames.STORE_RECOMMENDATIONS);
        contactLedgers = context.getStateStore(ScoringNames.STORE_CONTACT_LEDGER);
        contacts = context.getStateStore(ScoringNames.STORE_GUEST_CONTACTS);
        buckets = new TasteBuckets(settings.dimension());
        signals = new SignalsView(context.getStateStore(ScoringNames.STORE_SIGNALS_GLOBAL), buckets, () -> now);
        models = new LinkedHashMap<>();
        modelFactory.apply(signals).forEach(model -> models.put(model.name(), model));
        control = controlFactory.apply(signals);
        twinAudiences = new TwinAudiences(context.getStateStore(ScoringNames.STORE_AUDIENCE_TWINS), signals);
        for (Channel channel : settings.channels()) {
            int n = settings.topN(channel);
            rankers.put(channel, new Ranker(n, settings.maxPerPerformer(), settings.maxPerTag(), settings.exploration()));
            controlRankers.put(channel, new Ranker(n, settings.maxPerPerformer(), settings.maxPerTag(), 0.0));
            detectors.put(channel, new ChangeDetector(n, settings.changeMoveWindow(), settings.changeMinMove()));
        }
        holdout = new Holdout(settings.holdoutShare());
        context.schedule(settings.rescoreInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
        // guests re-scored by catalogue sweeps: how far a new concert has reached (sweep-rescore-total, -rate)
        sweepRescores = context.metrics().addRateTotalSensor(ScoringNames.METRICS_SCOPE, context.taskId().toString(),
                ScoringNames.METRIC_SWEEP_RESCORE, Sensor.RecordingLevel.INFO);
        meters = new ScoringMeters(Metrics.registry(context.appConfigs()));
        lastExpiryCheck = context.currentSystemTimeMs();
        context.schedule(EXPIRY_TICK, PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof CatalogueEntry entry) {
            onCatalogue(record.key(), entry);
        } else if (record.value() instanceof GuestProfile profile) {
            GuestProfile previous = guests.get(record.key());
            guests.put(record.key(), profile);
            PurchaseSignals.emit(context, buckets, previous, profile, record.timestamp());
            Memberships.aliases(context, previous, profile, record.timestamp());
            // the profile's timestamp is the event time of the event that changed it (profile-stream's extractor)
            rescore(profile, previous, RecommendationChangeReason.PROFILE_CHANGED, record.timestamp());
        } else if (record.value() == null && isGuestProfiles()) {
            Optional<String> erasure = Erasures.requestOf(record.headers());
            GuestProfile erased = erasure.isPresent() ? guests.get(record.key()) : null;
            int withdrawn = retire(record.key(), record.timestamp());
            erasure.ifPresent(request -> erase(record.key(), request, erased, withdrawn, record.timestamp()));
        }
    }

    private void onCatalogue(String concertId, CatalogueEntry entry) {
        CatalogueEntry previous = catalogueStore.get(concertId);
        if (entry.getDeleted()) {
            catalogueStore.delete(concertId);
        } else {
            catalogueStore.put(concertId, entry);
        }
        if (previous != null && !entry.getDeleted() && asScored(previous).equals(asScored(entry))) {
            // A sale that leaves seats (the ticketing system republishes the concert on every one) changes
            // no list: re-scoring every guest of the task for it made sweeps back to back in a selling hall.
            return;
        }
        catalogueDirty = true;
        pendingSweep = RecommendationChangeReason.CATALOGUE_CHANGED;
        changedDuringSweep = sweeping;
    }

    /**
     * A catalogue entry as far as lists depend on it: without its version, and with its seat count reduced to
     * whether seats are left (eligibility), the only use scoring makes of it.
     */
    static CatalogueEntry asScored(CatalogueEntry entry) {
        Integer seats = entry.getSeatsAvailable();
        return CatalogueEntry.newBuilder(entry).setVersion(0L)
                .setSeatsAvailable(seats == null ? null : seats > 0 ? 1 : 0).build();
    }

    /**
     * A guest merged away or erased: every list is withdrawn with a tombstone, and the record of which campaigns
     * reached the guest goes too (a merge survivor keeps its own).
     *
     * @return how many lists were withdrawn
     */
    private int retire(String guestId, long timestamp) {
        int withdrawn = 0;
        GuestProfile previous = guests.get(guestId);
        guests.delete(guestId);
        for (Channel channel : CampaignBroadcaster.CHANNELS) {
            contactLedgers.delete(CampaignSelector.ledgerKey(channel, guestId));
        }
        Memberships.forget(context, previous, timestamp);
        if (previous != null) {
            twinAudiences.update(context, previous, new float[0], catalogue(), null, timestamp);
        }
        for (Channel channel : settings.channels()) {
            String key = setKey(guestId, channel);
            RecommendationSet set = sets.get(key);
            if (set != null) {
                sets.delete(key);
                context.forward(new Record<>(key, null, timestamp), ScoringNames.SINK_RECOMMENDATIONS);
                Memberships.audience(context, previous, set, null, timestamp);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /**
     * An erasure, after {@link #retire}: the guest's contact goes from the store and, by a tombstone, from the
     * CRM's compacted topic, and the audit record says what was removed. (A merge keeps the contact: the CRM
     * decides what a merged guest's contact becomes.)
     */
    private void erase(String guestId, String request, GuestProfile erased, int withdrawn, long timestamp) {
        boolean hadContact = contacts.get(guestId) != null;
        contacts.delete(guestId);
        context.forward(new Record<>(guestId, null, timestamp), ScoringNames.SINK_GUEST_CONTACTS);
        long erasedAt = context.currentSystemTimeMs();
        List<String> actions = List.of(
                "store " + ScoringNames.STORE_GUESTS + ": profile deleted",
                "store " + ScoringNames.STORE_RECOMMENDATIONS + ": " + withdrawn + " lists deleted; topic recommendations: "
                        + withdrawn + " tombstones",
                "store " + ScoringNames.STORE_CONTACT_LEDGER + ": ledgers deleted",
                "store " + ScoringNames.STORE_GUEST_CONTACTS + ": " + (hadContact ? "contact deleted" : "no contact held")
                        + "; topic guest-contacts: tombstone",
                "store " + ScoringNames.STORE_AUDIENCE_TWINS + " and concert audiences: removed, the audiences republished "
                        + "without naming the guest",
                "alias claims: withdrawn");
        context.forward(new Record<>(Erasures.subject(guestId), Erasures.audit(settings.applicationId(), guestId,
                request, timestamp, erasedAt, 1 + (erased == null ? 0 : erased.getAliases().size()), actions), erasedAt),
                ScoringNames.SINK_ERASURE_AUDITS);
    }

    /**
     * Re-scores a guest; {@code before} is the profile this change replaced (null for a sweep), {@code eventTime}
     * the time of the event behind it ({@link #NO_EVENT} for a sweep).
     */
    private void rescore(GuestProfile profile, GuestProfile before, RecommendationChangeReason reason, long eventTime) {
        Catalogue snapshot = catalogue();
        now = context.currentSystemTimeMs();
        GuestView view = GuestViews.of(profile, null);
        float[] scores = new float[Math.max(snapshot.size(), 1)];
        for (Channel channel : settings.channels()) {
            if (!profile.getAllowedChannels().contains(channel)) {
                withdraw(profile, channel, now);
                if (channel == Channel.ADS) {
                    twinAudiences.update(context, profile, view.taste(), snapshot, null, now);
                }
                continue;
            }
            BitSet eligible = snapshot.eligible(now, profile.getPurchasedConcertIds());
            if (channel == Channel.ADS && profile.getProfilingAllowed()) {
                twinAudiences.update(context, profile, view.taste(), snapshot, eligible, now);
            }
            RecommendationSet previous = sets.get(setKey(profile.getGuestId(), channel));
            publishIfChanged(profile, previous, list(profile, channel, previous, activeOn(channel, before, profile),
                    view, snapshot, eligible, scores, now), reason, now, eventTime);
        }
    }

    /**
     * Whether this profile change is the guest's activity on {@code channel}: a page view, an ad impression, an
     * e-mail delivered, opened or clicked since the profile before (profile-stream counts them per channel).
     */
    static boolean activeOn(Channel channel, GuestProfile before, GuestProfile after) {
        return before != null && contacts(after, channel) > contacts(before, channel);
    }

    private static long contacts(GuestProfile profile, Channel channel) {
        for (ChannelResponse response : profile.getChannelResponsiveness()) {
            if (response.getChannel() == channel) {
                return response.getExposures() + response.getOpens() + response.getClicks();
            }
        }
        return 0;
    }

    /** A list the guest would see now, and whether it starts a new exposure of the guest to an arm. */
    private record Proposal(RecommendationSet set, boolean newExposure) {
    }

    /**
     * The list a guest would see now on a channel: which arm, and the ranked items with reasons. While the
     * exposure of the previous list lasts the guest keeps its arm, and the list joins that exposure; otherwise
     * the arm is drawn again (the bandit for personalized guests) and a new exposure starts.
     */
    private Proposal list(GuestProfile profile, Channel channel, RecommendationSet previous, boolean guestActivity,
                          GuestView view, Catalogue snapshot, BitSet eligible, float[] scores, long now) {
        boolean held = holdout.isHoldout(profile.getGuestId());
        boolean personal = profile.getProfilingAllowed() && !held && !models.isEmpty();
        String group = profile.getBehaviourGroup() == null ? "unknown" : profile.getBehaviourGroup();
        Optional<RecommendationIds.Issued> ongoing = ongoingExposure(profile, previous, held, personal, guestActivity, now);
        String arm = held ? CONTROL_ARM : UNPERSONALIZED_ARM;
        Double propensity = null;
        ScoringModel model = control;
        if (ongoing.isPresent()) {
            arm = previous.getArm();
            propensity = previous.getArmPropensity();
            model = personal ? models.get(arm) : control;
        } else if (personal) {
            ThompsonBandit.Choice choice = bandit(channel, group).choose(random(profile, channel, now));
            arm = choice.arm();
            propensity = choice.propensity();
            model = models.get(arm);
        }
        Arrays.fill(scores, 0f);
        model.score(view, snapshot, eligible, Instant.ofEpochMilli(now), scores);
        while (!normalize(scores, eligible) && model != fallback(model)) {
            // The chosen model knows nothing about this guest yet (no taste, no habits, no co-purchases): rather
            // than an arbitrary order, this list comes from the fallback (its items name it). The exposure stays
            // the arm's: the arm is what the bandit chose for the window, and its later lists use it once the
            // guest's activity gives it something to go on, so what it earns includes what it could not cover.
            model = fallback(model);
            Arrays.fill(scores, 0f);
            model.score(view, snapshot, eligible, Instant.ofEpochMilli(now), scores);
        }
        List<Ranked> ranked = (personal ? rankers : controlRankers).get(channel).rank(scores, eligible, snapshot, random(profile, channel, now));
        List<RecommendationItem> items = new ArrayList<>();
        for (Ranked r : ranked) {
            items.add(new RecommendationItem(snapshot.id(r.concertIndex()), r.rank(), (double) r.score(),
                    r.explored() ? "exploration" : model.name(),
                    model.explain(view, snapshot, r.concertIndex(), Instant.ofEpochMilli(now))));
        }
        String id = ongoing.isPresent() ? RecommendationIds.next(ongoing.get())
                : RecommendationIds.create(channel.name(), group, arm, now);
        return new Proposal(RecommendationSet.newBuilder()
                .setRecommendationId(id)
                .setGuestId(profile.getGuestId()).setChannel(channel).setArm(arm).setArmPropensity(propensity)
                .setHoldout(held).setBehaviourGroup(profile.getBehaviourGroup())
                .setLanguage(profile.getPreferredLanguage()).setItems(items)
                .setProfileVersion(profile.getVersion()).setGeneratedAt(Instant.ofEpochMilli(now))
                .build(), ongoing.isEmpty());
    }

    /**
     * The exposure the previous list belongs to, if the next list may join it: it counted as a trial (it had
     * items), the guest is still in the same bandit (behaviour group) and the same part of the experiment
     * (holdout, personalized or not, an arm that still exists), and either its window is still open or the
     * guest was not active on the channel (a catalogue sweep, an ad impression for the web list): a new exposure
     * starts only with the guest's own activity on the channel, so trials count guests who were there to see a
     * list, in every arm alike.
     */
    private Optional<RecommendationIds.Issued> ongoingExposure(GuestProfile profile, RecommendationSet previous,
                                                               boolean held, boolean personal, boolean guestActivity,
                                                               long now) {
        if (previous == null || previous.getItems().isEmpty() || previous.getHoldout() != held
                || !Objects.equals(previous.getBehaviourGroup(), profile.getBehaviourGroup())) {
            return Optional.empty();
        }
        boolean sameArmKind = personal ? models.containsKey(previous.getArm())
                : previous.getArm().equals(held ? CONTROL_ARM : UNPERSONALIZED_ARM);
        return RecommendationIds.parse(previous.getRecommendationId())
                .filter(issued -> sameArmKind && issued.extendable())
                .filter(issued -> !guestActivity
                        || now >= issued.issuedAt() && now - issued.issuedAt() < settings.exposureWindow().toMillis());
    }

    /**
     * Publishes the list when it visibly changed (with a change event), and also when it starts a new exposure,
     * so the list the guest sees carries the id its responses are credited to; a new exposure is one trial.
     */
    private void publishIfChanged(GuestProfile profile, RecommendationSet previous, Proposal proposal,
                                  RecommendationChangeReason reason, long now, long eventTime) {
        RecommendationSet next = proposal.set();
        List<String> before = previous == null ? List.of() : ids(previous);
        List<String> after = ids(next);
        Optional<ChangeDetector.Change> change = detectors.get(next.getChannel()).detect(before, after);
        boolean visible = previous == null || change.isPresent();
        boolean newTrial = proposal.newExposure() && !after.isEmpty();
        if (!visible && !newTrial || previous == null && after.isEmpty()) {
            return;
        }
        String key = setKey(profile.getGuestId(), next.getChannel());
        sets.put(key, next);
        if (newTrial) {
            trial(next, now);
        }
        Memberships.audience(context, profile, previous, next, now);
        context.forward(new Record<>(key, next, now), ScoringNames.SINK_RECOMMENDATIONS);
        if (visible) {
            ChangeDetector.Change diff = change.orElseGet(() -> ChangeDetector.diff(before, after));
            RecommendationChange changed = changeEvent(next, previous, diff, reason, now);
            context.forward(new Record<>(key, changed, now), ScoringNames.SINK_RECOMMENDATION_CHANGES);
            meters.changed(next.getChannel(), changed.getReason());
            if (eventTime != NO_EVENT) {
                meters.latency(next.getChannel(), eventTime, now);
            }
        }
    }

    /** The bandit of a channel and behaviour group, from the shared posteriors; the prior before any trial. */
    private ThompsonBandit bandit(Channel channel, String group) {
        SharedSignal shared = signals.bandit(channel.name(), group);
        List<String> arms = List.copyOf(models.keySet());
        if (shared == null || shared.getArms().isEmpty()) {
            return new ThompsonBandit(arms);
        }
        TreeMap<String, BanditSnapshot.Arm> snapshot = new TreeMap<>();
        shared.getArms().forEach((name, s) -> snapshot.put(name, new BanditSnapshot.Arm(s.getAlpha(), s.getBeta(),
                s.getSelections())));
        return ThompsonBandit.fromSnapshot(new BanditSnapshot(snapshot), arms, ThompsonBandit.NO_DISCOUNT,
                ThompsonBandit.DEFAULT_PROPENSITY_DRAWS);
    }

    /**
     * The first list of an exposure is one trial of its arm (the control's too: the holdout's conversions are the
     * baseline), named by the exposure that responses to any of its lists are credited to.
     */
    private void trial(RecommendationSet set, long timestamp) {
        String group = set.getBehaviourGroup() == null ? "unknown" : set.getBehaviourGroup();
        String exposure = RecommendationIds.parse(set.getRecommendationId()).map(RecommendationIds.Issued::exposure)
                .orElse(set.getRecommendationId());
        meters.selected(set.getChannel(), set.getArm());
        SignalEvent trial = SignalEvent.newBuilder().setType(SignalType.TRIAL).setArm(set.getArm())
                .setRecommendationId(exposure).setAt(timestamp).build();
        context.forward(new Record<>(SignalKeys.bandit(set.getChannel().name(), group), trial, timestamp),
                ScoringNames.SINK_SIGNAL_EVENTS);
    }

    /** Consent withdrawn for a channel: the list goes, with a change that removes everything. */
    private void withdraw(GuestProfile profile, Channel channel, long now) {
        String guestId = profile.getGuestId();
        String key = setKey(guestId, channel);
        RecommendationSet previous = sets.get(key);
        if (previous == null) {
            return;
        }
        sets.delete(key);
        context.forward(new Record<>(key, null, now), ScoringNames.SINK_RECOMMENDATIONS);
        Memberships.audience(context, profile, previous, null, now);
        RecommendationChange change = RecommendationChange.newBuilder()
                .setEventId("withdrawn-" + previous.getRecommendationId())
                .setGuestId(guestId).setChannel(channel).setRecommendationId(previous.getRecommendationId())
                .setPreviousRecommendationId(previous.getRecommendationId())
                .setAddedConcertIds(List.of()).setRemovedConcertIds(ids(previous)).setConcertIds(List.of())
                .setReason(RecommendationChangeReason.CONSENT_CHANGED).setChangedAt(Instant.ofEpochMilli(now)).build();
        context.forward(new Record<>(key, change, now), ScoringNames.SINK_RECOMMENDATION_CHANGES);
        meters.changed(channel, RecommendationChangeReason.CONSENT_CHANGED);
    }

    private RecommendationChange changeEvent(RecommendationSet next, RecommendationSet previous,
                                             ChangeDetector.Change diff, RecommendationChangeReason trigger, long now) {
        RecommendationChangeReason reason = refine(trigger, previous, next, diff);
        return RecommendationChange.newBuilder()
                .setEventId(next.getRecommendationId())
                .setGuestId(next.getGuestId()).setChannel(next.getChannel())
                .setRecommendationId(next.getRecommendationId())
                .setPreviousRecommendationId(previous == null ? null : previous.getRecommendationId())
                .setAddedConcertIds(diff.added()).setRemovedConcertIds(diff.removed())
                .setMoved(diff.moved().stream().map(m -> new MovedConcert(m.concertId(), m.oldRank(), m.newRank())).toList())
                .setConcertIds(ids(next)).setReason(reason).setChangedAt(Instant.ofEpochMilli(now)).build();
    }

    /**
     * The most specific reason: a list that lost a concert because it sold out says SOLD_OUT; a list the bandit
     * made with another model than last time says MODEL_SWITCHED; otherwise the trigger.
     */
    private RecommendationChangeReason refine(RecommendationChangeReason trigger, RecommendationSet previous,
                                              RecommendationSet next, ChangeDetector.Change diff) {
        if (trigger == RecommendationChangeReason.CATALOGUE_CHANGED && diff.removed().stream().anyMatch(this::soldOut)) {
            return RecommendationChangeReason.SOLD_OUT;
        }
        if (previous != null && !previous.getArm().equals(next.getArm())) {
            return RecommendationChangeReason.MODEL_SWITCHED;
        }
        return trigger;
    }

    private boolean soldOut(String concertId) {
        CatalogueEntry entry = catalogueStore.get(concertId);
        return entry != null && ("SOLD_OUT".equals(entry.getStatus())
                || (entry.getSeatsAvailable() != null && entry.getSeatsAvailable() <= 0));
    }

    /** Applies a catalogue change (or an expiry) to the task's guests, a batch per tick. */
    private void sweep(long now) {
        if (!sweeping) {
            if (pendingSweep == null) {
                return;
            }
            sweeping = true;
            sweepCursor = null;
            changedDuringSweep = false;
        }
        RecommendationChangeReason reason = pendingSweep;
        int done = 0;
        try (KeyValueIterator<String, GuestProfile> batch = sweepCursor == null ? guests.all() : guests.range(sweepCursor, null)) {
            while (batch.hasNext() && done < settings.rescoreBatch()) {
                var entry = batch.next();
                if (entry.key.equals(sweepCursor)) {
                    continue;
                }
                rescore(entry.value, null, reason, NO_EVENT);
                sweepRescores.record();
                sweepCursor = entry.key;
                done++;
            }
            if (!batch.hasNext()) {
                sweeping = false;
                pendingSweep = changedDuringSweep ? RecommendationChangeReason.CATALOGUE_CHANGED : null;
                changedDuringSweep = false;
            }
        }
    }

    /** A concert whose start passed since the last check leaves every list at the next sweep. */
    private void expire(long now) {
        Catalogue snapshot = catalogue();
        long since = lastExpiryCheck;
        lastExpiryCheck = now;
        for (int i = 0; i < snapshot.size(); i++) {
            long start = snapshot.startTime(i);
            if (start != Catalogue.UNDATED && start > since && start <= now) {
                if (pendingSweep == null) {
                    pendingSweep = RecommendationChangeReason.EXPIRED;
                }
                return;
            }
        }
    }

    private Catalogue catalogue() {
        if (catalogue == null || catalogueDirty) {
            List<CatalogueEntry> entries = new ArrayList<>();
            try (KeyValueIterator<String, CatalogueEntry> all = catalogueStore.all()) {
                all.forEachRemaining(entry -> entries.add(entry.value));
            }
            catalogue = CatalogueSnapshots.build(entries, settings.dimension());
            catalogueDirty = false;
        }
        return catalogue;
    }

    /**
     * Min–max over the eligible set, so a published score is in [0, 1] whatever the model's own scale
     * (a cosine can be negative, a velocity unbounded); the order, and so the ranking, is unchanged. False when
     * every eligible concert scored the same: the model has no opinion.
     */
    static boolean normalize(float[] scores, BitSet eligible) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        float range = max - min;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = range > 0 ? (scores[i] - min) / range : 0f;
        }
        return range > 0;
    }

    /** Concept match for a personalized list (it only needs a taste), the non-personalized list after that. */
    private ScoringModel fallback(ScoringModel model) {
        ScoringModel conceptMatch = models.get(ConceptMatchModel.NAME);
        return conceptMatch != null && model != conceptMatch && model != control ? conceptMatch : control;
    }

    /** Seeded by guest, channel and day, so a re-score the same day explores the same concerts. */
    private static SplittableRandom random(GuestProfile profile, Channel channel, long now) {
        long day = now / 86_400_000L;
        return new SplittableRandom(((long) Utils.murmur2((profile.getGuestId() + "|" + channel).getBytes(StandardCharsets.UTF_8)) << 32) ^ day);
    }

    /** The key of a guest's list in {@code recommendation-sets} and on {@code recommendations}: {@code guestId|CHANNEL}. */
    public static String setKey(String guestId, Channel channel) {
        return guestId + "|" + channel.name();
    }

    private static List<String> ids(RecommendationSet set) {
        List<String> ids = new ArrayList<>(set.getItems().size());
        set.getItems().forEach(item -> ids.add(item.getConcertId()));
        return ids;
    }

    private boolean isGuestProfiles() {
        return context.recordMetadata().map(m -> m.topic().endsWith("guest-profiles")).orElse(false);
    }
}
