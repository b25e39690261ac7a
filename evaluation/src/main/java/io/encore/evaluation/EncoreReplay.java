package io.encore.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import io.encore.profile.config.ProfileSettings;
import io.encore.profile.topology.ProfileSerdes;
import io.encore.profile.topology.ProfileTopology;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.catalogue.CatalogueSnapshots;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.GuestView;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.model.TrendingModel;
import io.encore.scoring.processor.GuestViews;
import io.encore.scoring.processor.ScoringProcessor;
import io.encore.scoring.ranking.Ranked;
import io.encore.scoring.ranking.Ranker;
import io.encore.scoring.signals.SignalsView;
import io.encore.scoring.signals.TasteBuckets;
import io.encore.scoring.topology.ScoringNames;
import io.encore.scoring.topology.ScoringSerdes;
import io.encore.scoring.topology.ScoringTopology;

/**
 * Encore itself under evaluation: the real profile-stream and scoring-stream topologies, each in its own
 * driver as two apps that meet only on topics, fed the catalogue and then the training interactions in time
 * order, with both wall clocks following event time. Every interaction, and every test case, is a visit: the
 * guest first arrives on the home page (a page view without a concert), so scoring-stream re-scores its web
 * list as of that moment. At a test case that list is read from the {@code recommendation-sets} store: that is
 * "encore", the bandit's choice. Each model alone
 * is asked through the production {@link ScoringModel}s over scoring-stream's own catalogue snapshot and shared
 * signals, ranked by the production {@link Ranker}.
 *
 * <p>The bandit learns offline as it would online, from responses to its lists: a training interaction with an
 * item that the guest's current list shows carries that list's recommendation id (replay attribution). The
 * held-out interactions are never fed, so nothing of them can reach the lists.
 */
final class EncoreReplay implements Recommender {

    static final String ENCORE = "encore";
    static final String MODEL_PREFIX = "encore:";
    static final Duration CATALOGUE_REFRESH = Duration.ofDays(30);
    private static final String ID_PREFIX = IdentifierType.GUEST_ID.name() + ":";

    private final Settings settings;
    private final TopicCatalogue topics;
    private final String registryScope = "evaluate-" + UUID.randomUUID();
    private final TopologyRunner profile;
    private final TopologyRunner scoring;
    private final Set<String> transferred;
    private final PriorityQueue<Item> saleOpenings = new PriorityQueue<>(Comparator.comparing(Item::saleStart));
    private final List<ScoringModel> models;
    private final Ranker ranker;
    private Catalogue catalogue;
    private boolean catalogueDirty = true;
    private long events;
    private long rewarded;
    private final Map<String, Long> arms = new java.util.TreeMap<>();

    /**
     * @param topN            items per list (the cut-off k)
     * @param exposureWindow  scoring-stream's exposure window during the replay
     * @param exploration     scoring-stream's exploration share
     * @param replayRewards   whether training interactions on listed items credit the list (the bandit learns)
     */
    record Settings(int topN, Duration exposureWindow, double exploration, boolean replayRewards) {
    }

    EncoreReplay(Settings settings, Path stateRoot, Instant start) {
        this.settings = settings;
        AvroWireFormat format = new AvroWireFormat(InMemorySchemaRegistry.forScope(registryScope), true);
        topics = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS, format);
        ProfileSettings profileSettings = profileSettings();
        ScoringSettings scoringSettings = scoringSettings(settings);
        profile = new TopologyRunner(profileSettings.applicationId(),
                ProfileTopology.build(profileSettings, ProfileSerdes.of(topics, format)), stateRoot, registryScope,
                topics.deadLetters().name(), start);
        scoring = new TopologyRunner(scoringSettings.applicationId(), ScoringTopology.build(scoringSettings,
                ScoringSerdes.of(topics, format), signals -> ModelRegistry.of(signals, signals, signals).all(),
                TrendingModel::control), stateRoot, registryScope, topics.deadLetters().name(), start);
        transferred = Set.of(topics.guestProfiles().name(), topics.concertProfiles().name());
        SignalsView signals = new SignalsView(scoring.driver().getTimestampedKeyValueStore(
                ScoringNames.STORE_SIGNALS_GLOBAL), new TasteBuckets(scoringSettings.dimension()),
                () -> scoring.wallClock().toEpochMilli());
        models = ModelRegistry.of(signals, signals, signals).all();
        ranker = new Ranker(settings.topN(), scoringSettings.maxPerPerformer(), scoringSettings.maxPerTag(),
                settings.exploration());
    }

    /**
     * Production settings except the catalogue refresh: every 30 days of replayed time instead of every 10 s. The
     * items' texts do not change during a replay (a sale opening changes the status only, so no weight moves),
     * and a 10-second wall-clock tick would re-weight every concert after every sale opening and at every
     * replayed event (the wall clock follows event time), which costs hours and changes nothing.
     */
    static ProfileSettings profileSettings() {
        ProfileSettings d = ProfileSettings.defaults();
        return new ProfileSettings(d.applicationId(), d.topicPrefix(), d.weights(), d.halfLife(), d.tasteConcepts(),
                d.conceptTopK(), d.dimension(), d.dedupRetention(), d.pendingHold(), d.pendingRetry(), d.maxFutureSkew(),
                d.currentWindow(), d.comparisonWindow(), d.segmentPass(), CATALOGUE_REFRESH, d.recentEvents(),
                d.purchasedConcerts(), d.defaultProfiling(), d.maxRecordBytes());
    }

    /**
     * Production settings except: the web channel only (one list per guest is what is measured), no holdout
     * (every guest gets the personalized list), the list length, the exposure window and exploration as given.
     */
    static ScoringSettings scoringSettings(Settings settings) {
        ScoringSettings d = ScoringSettings.defaults();
        return new ScoringSettings(d.applicationId(), d.topicPrefix(), d.dimension(), List.of(Channel.WEB),
                settings.topN(), d.maxPerPerformer(), d.maxPerTag(), settings.exploration(), 0.0, d.attributionWindow(),
                d.clickReward(), d.rescoreInterval(), d.rescoreBatch(), d.audienceSize(), Map.of(), d.changeMoveWindow(),
                d.changeMinMove()).withExposureWindow(settings.exposureWindow());
    }

    @Override
    public List<String> methods() {
        List<String> methods = new ArrayList<>();
        methods.add(ENCORE);
        models.forEach(model -> methods.add(MODEL_PREFIX + model.name()));
        return methods;
    }

    /**
     * The catalogue, as the ticketing system would publish it, before any interaction: an item whose sale has
     * not started yet is announced as a draft and republished on sale when the replay reaches its sale start.
     */
    void loadCatalogue(Iterable<Item> items) {
        Instant at = profile.wallClock();
        for (Item item : items) {
            boolean later = item.saleStart() != null && item.saleStart().isAfter(at);
            publish(item, later ? ConcertStatus.DRAFT : ConcertStatus.ON_SALE, 1L, at);
            if (later) {
                saleOpenings.add(item);
            }
        }
        // profile-stream re-weights the catalogue on its wall-clock tick once document frequencies settle
        advanceTo(at.plus(CATALOGUE_REFRESH).plusSeconds(1));
        advanceTo(at.plus(CATALOGUE_REFRESH.multipliedBy(2)).plusSeconds(2));
    }

    private void publish(Item item, ConcertStatus status, long version, Instant at) {
        byte[] bytes = topics.concerts().valueSerde().serializer().serialize(topics.concerts().name(),
                concert(item, status, version, at));
        profile.pipe(topics.concerts().name(), item.id(), bytes, at);
        scoring.pipe(topics.concerts().name(), item.id(), bytes, at);
    }

    static Concert concert(Item item, ConcertStatus status, long version, Instant at) {
        return Concert.newBuilder()
                .setConcertId(item.id()).setTitle(item.title()).setDescription(item.description())
                .setLanguage(item.language()).setTags(item.tags())
                .setPerformers(item.performers().stream().map(p -> new Performer(p, PerformerRole.ARTIST)).toList())
                .setStartTime(item.startTime()).setStatus(status)
                .setVersion(version).setUpdatedAt(at).build();
    }

    @Override
    public void observe(Interaction interaction, boolean first) {
        advanceTo(interaction.at());
        String key = ID_PREFIX + interaction.guestId();
        visit(interaction.guestId(), interaction.at()); // the guest arrives and sees its list, then acts
        String listed = settings.replayRewards() ? listedIn(key, interaction.itemId()) : null;
        if (listed != null) {
            rewarded++;
        }
        String eventId = "evaluate-" + (++events);
        boolean purchase = interaction.type() == InteractionType.PURCHASE;
        String topic = purchase ? topics.ticketSales().name() : topics.clickEvents().name();
        byte[] bytes = purchase
                ? topics.ticketSales().valueSerde().serializer().serialize(topic, sale(interaction, eventId, listed))
                : topics.clickEvents().valueSerde().serializer().serialize(topic, click(interaction, eventId, listed));
        profile.pipe(topic, key, bytes, interaction.at());
        scoring.pipe(topic, key, bytes, interaction.at()); // the feedback that rewards the bandit
        transfer();
        if (events % 500 < 2) {
            drain();
        }
    }

    /**
     * The guest arrives on the home page: a page view without a concert, which teaches no taste but is the
     * guest's activity on the web, so scoring-stream re-scores its list and, once the exposure window has passed,
     * starts a new exposure (one trial of the arm it draws) — as a real visit does.
     */
    private void visit(String guestId, Instant at) {
        String eventId = "evaluate-" + (++events);
        ClickEvent view = ClickEvent.newBuilder().setEventId(eventId).setOccurredAt(at)
                .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, guestId)).setSessionId(eventId)
                .setType(ClickType.PAGE_VIEW).setChannel(Channel.WEB).setPageUrl("https://hall.example/")
                .setSource("evaluate").build();
        String topic = topics.clickEvents().name();
        profile.pipe(topic, ID_PREFIX + guestId, topics.clickEvents().valueSerde().serializer().serialize(topic, view), at);
        transfer();
    }

    /** A purchase as the ticketing system sends it: one seat, on the web, crediting {@code listed} if not null. */
    private static TicketSale sale(Interaction interaction, String eventId, String listed) {
        return TicketSale.newBuilder().setEventId(eventId).setOccurredAt(interaction.at())
                .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, interaction.guestId()))
                .setType(TicketSaleType.PURCHASE).setOrderId(eventId).setConcertId(interaction.itemId())
                .setSalesChannel(SalesChannel.WEB).setSeats(1)
                .setAmountMinor(interaction.value() == null ? 0L : interaction.value()).setCurrency("DKK")
                .setRecommendationId(listed).setSource("evaluate").build();
    }

    /** A view (a concert page view) or a favourite as the site's tracker sends it. */
    private static ClickEvent click(Interaction interaction, String eventId, String listed) {
        return ClickEvent.newBuilder().setEventId(eventId).setOccurredAt(interaction.at())
                .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, interaction.guestId())).setSessionId(eventId)
                .setType(interaction.type() == InteractionType.FAVOURITE ? ClickType.FAVOURITE : ClickType.PAGE_VIEW)
                .setChannel(Channel.WEB).setConcertId(interaction.itemId())
                .setPageUrl("https://hall.example/concerts/" + interaction.itemId())
                .setRecommendationId(listed).setSource("evaluate").build();
    }

    /** The recommendation id of the guest's current web list when it shows the item, else null. */
    private String listedIn(String guestKey, String itemId) {
        RecommendationSet set = currentList(guestKey);
        if (set == null) {
            return null;
        }
        for (RecommendationItem item : set.getItems()) {
            if (item.getConcertId().equals(itemId)) {
                return set.getRecommendationId();
            }
        }
        return null;
    }

    private RecommendationSet currentList(String guestKey) {
        KeyValueStore<String, RecommendationSet> sets = scoring.driver().getKeyValueStore(
                ScoringNames.STORE_RECOMMENDATIONS);
        return sets.get(ScoringProcessor.setKey(guestKey, Channel.WEB));
    }

    @Override
    public Map<String, List<String>> recommend(TestCase testCase, List<Item> eligible, int k) {
        advanceTo(testCase.at());
        String key = ID_PREFIX + testCase.guestId();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        visit(testCase.guestId(), testCase.at()); // the list the guest sees on arriving
        RecommendationSet set = currentList(key);
        if (set != null) {
            arms.merge(set.getArm(), 1L, Long::sum);
        }
        lists.put(ENCORE, set == null ? List.of() : set.getItems().stream().map(RecommendationItem::getConcertId).toList());
        GuestProfile guest = scoring.driver().<String, GuestProfile>getKeyValueStore(ScoringNames.STORE_GUESTS).get(key);
        for (ScoringModel model : models) {
            lists.put(MODEL_PREFIX + model.name(), guest == null ? List.of() : alone(model, guest, eligible, testCase.at()));
        }
        drain();
        return lists;
    }

    /**
     * One model's list for the guest now: its scores over the eligible concerts, ranked like a published list.
     * A model with no opinion (every score equal) hands over to concept match, then to trending, as
     * scoring-stream does, so its figure is what the guest would see were it the only arm.
     */
    private List<String> alone(ScoringModel model, GuestProfile guest, List<Item> eligible, Instant now) {
        Catalogue snapshot = catalogue();
        BitSet offered = snapshot.eligible(now.toEpochMilli(), List.of());
        BitSet allowed = new BitSet(snapshot.size());
        for (Item item : eligible) {
            int index = snapshot.indexOf(item.id());
            if (index >= 0) {
                allowed.set(index);
            }
        }
        offered.and(allowed);
        GuestView view = GuestViews.of(guest, null);
        float[] scores = new float[Math.max(snapshot.size(), 1)];
        ScoringModel current = model;
        while (true) {
            java.util.Arrays.fill(scores, 0f);
            current.score(view, snapshot, offered, now, scores);
            ScoringModel next = fallback(current);
            if (hasOpinion(scores, offered) || next == null) {
                break;
            }
            current = next;
        }
        long day = now.toEpochMilli() / 86_400_000L;
        SplittableRandom random = new SplittableRandom(((long) Utils.murmur2((guest.getGuestId() + "|WEB")
                .getBytes(StandardCharsets.UTF_8)) << 32) ^ day);
        List<String> ids = new ArrayList<>();
        for (Ranked ranked : ranker.rank(scores, offered, snapshot, random)) {
            ids.add(snapshot.id(ranked.concertIndex()));
        }
        return ids;
    }

    private ScoringModel fallback(ScoringModel model) {
        if (model.name().equals(TrendingModel.NAME)) {
            return null;
        }
        String next = model.name().equals(ConceptMatchModel.NAME) ? TrendingModel.NAME : ConceptMatchModel.NAME;
        return models.stream().filter(m -> m.name().equals(next)).findFirst().orElse(null);
    }

    private static boolean hasOpinion(float[] scores, BitSet eligible) {
        int first = eligible.nextSetBit(0);
        for (int i = first; i >= 0; i = eligible.nextSetBit(i + 1)) {
            if (scores[i] != scores[first]) {
                return true;
            }
        }
        return false;
    }

    private Catalogue catalogue() {
        if (catalogue == null || catalogueDirty) {
            List<CatalogueEntry> entries = new ArrayList<>();
            KeyValueStore<String, CatalogueEntry> store = scoring.driver().getKeyValueStore(ScoringNames.STORE_CATALOGUE);
            try (KeyValueIterator<String, CatalogueEntry> all = store.all()) {
                all.forEachRemaining(entry -> entries.add(entry.value));
            }
            catalogue = CatalogueSnapshots.build(entries, ScoringSettings.defaults().dimension());
            catalogueDirty = false;
        }
        return catalogue;
    }

    private void advanceTo(Instant at) {
        while (!saleOpenings.isEmpty() && !saleOpenings.peek().saleStart().isAfter(at)) {
            Item opening = saleOpenings.poll();
            profile.advanceTo(opening.saleStart());
            scoring.advanceTo(opening.saleStart());
            publish(opening, ConcertStatus.ON_SALE, 2L, opening.saleStart());
            transfer();
        }
        profile.advanceTo(at);
        transfer();
        scoring.advanceTo(at);
    }

    /** profile-stream's outputs that scoring-stream reads: the guests' profiles and the concerts' profiles. */
    private void transfer() {
        for (TestRecord<String, byte[]> record : profile.read(topics.guestProfiles().name())) {
            scoring.pipe(topics.guestProfiles().name(), record.key(), record.value(), record.getRecordTime());
        }
        for (TestRecord<String, byte[]> record : profile.read(topics.concertProfiles().name())) {
            scoring.pipe(topics.concertProfiles().name(), record.key(), record.value(), record.getRecordTime());
            catalogueDirty = true;
        }
    }

    private void drain() {
        profile.drain(transferred);
        scoring.drain(Set.of());
    }

    /** Dead letters written by either app: a sign the replay fed something Encore refused. */
    long deadLetters() {
        return profile.deadLetters() + scoring.deadLetters();
    }

    /** Training interactions that answered the guest's current list (the bandit's rewards). */
    long rewarded() {
        return rewarded;
    }

    /** How many test cases' lists each arm made: what the bandit chose. */
    Map<String, Long> arms() {
        return Map.copyOf(arms);
    }

    @Override
    public void close() {
        try {
            profile.close();
        } finally {
            try {
                scoring.close();
            } finally {
                InMemorySchemaRegistry.dropScope(registryScope);
            }
        }
    }
}
