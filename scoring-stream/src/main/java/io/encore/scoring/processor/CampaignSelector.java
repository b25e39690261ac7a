package io.encore.scoring.processor;

import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.catalogue.CatalogueSnapshots;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.GuestView;
import io.encore.scoring.signals.RecommendationIds;
import io.encore.scoring.topology.ScoringNames;

/**
 * Picks the recipients of a campaign among the task's guests (the campaign is broadcast to every task, the
 * guests and their contacts are partitioned alike) and writes one {@link EmailSend} per recipient. Only EMAIL
 * campaigns are selected for now.
 *
 * <p>Per guest, in this order: no consent (EMAIL not allowed, or no contact e-mail), capped (the contact
 * ledger holds {@code contactMaxPerWeek} sends in the last 7 days, across campaigns), not relevant (no
 * candidate concert reaches the campaign's threshold), else chosen. Relevance is the concept-match model's raw
 * score (the cosine of taste and concert, minus any aversion penalty) clipped to [0, 1]: an absolute scale a
 * threshold can mean something on, unlike the lists' min–max normalization. Guests who do not allow profiling
 * have relevance 0 everywhere. All of the task's guests are visited in one pass (campaigns are rare).
 *
 * <p>The send id is a function of campaign and guest, so a replay writes the same id and the e-mail sink
 * refuses the duplicate; the ledger remembers the campaign, so a replay does not count against the cap either.
 */
public final class CampaignSelector implements Processor<String, SpecificRecord, String, EmailSend> {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignSelector.class);
    private static final Duration CAP_WINDOW = Duration.ofDays(7);
    private static final String DEFAULT_LANGUAGE = "da";

    /** What became of one guest for one campaign. */
    enum Outcome { CHOSEN, NO_CONSENT, CAPPED, NOT_RELEVANT, ALREADY_SENT }

    private final ScoringSettings settings;
    private final ConceptMatchModel relevance = new ConceptMatchModel();
    private ProcessorContext<String, EmailSend> context;
    private KeyValueStore<String, GuestProfile> guests;
    private KeyValueStore<String, CatalogueEntry> catalogueStore;
    private KeyValueStore<String, GuestContact> contacts;
    private KeyValueStore<String, String> ledgers;

    public CampaignSelector(ScoringSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, EmailSend> context) {
        this.context = context;
        guests = context.getStateStore(ScoringNames.STORE_GUESTS);
        catalogueStore = context.getStateStore(ScoringNames.STORE_CATALOGUE);
        contacts = context.getStateStore(ScoringNames.STORE_GUEST_CONTACTS);
        ledgers = context.getStateStore(ScoringNames.STORE_CONTACT_LEDGER);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Campaign campaign) {
            select(campaign);
        } else if (record.value() instanceof GuestContact contact) {
            contacts.put(record.key(), contact);
        } else if (record.value() == null && record.key() != null && fromContacts()) {
            contacts.delete(record.key());
        }
    }

    private void select(Campaign campaign) {
        if (campaign.getChannel() != Channel.EMAIL) {
            LOG.info("campaign {} on channel {} not selected: only EMAIL campaigns are, for now",
                    campaign.getCampaignId(), campaign.getChannel());
            return;
        }
        long now = context.currentSystemTimeMs();
        Catalogue snapshot = snapshot();
        BitSet candidates = candidates(campaign, snapshot, now);
        Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            tally.put(outcome, 0);
        }
        try (KeyValueIterator<String, GuestProfile> all = guests.all()) {
            while (all.hasNext()) {
                tally.merge(decide(campaign, all.next().value, snapshot, candidates, now), 1, Integer::sum);
            }
        }
        // Counts only: never a guest's contact details.
        LOG.info("campaign {} task {}: chosen={} no-consent={} capped={} not-relevant={} already-sent={}",
                campaign.getCampaignId(), context.taskId(), tally.get(Outcome.CHOSEN), tally.get(Outcome.NO_CONSENT),
                tally.get(Outcome.CAPPED), tally.get(Outcome.NOT_RELEVANT), tally.get(Outcome.ALREADY_SENT));
    }

    private Outcome decide(Campaign campaign, GuestProfile profile, Catalogue snapshot, BitSet candidates, long now) {
        String guestId = profile.getGuestId();
        GuestContact contact = contacts.get(guestId);
        if (!profile.getAllowedChannels().contains(Channel.EMAIL) || contact == null || contact.getEmail() == null
                || contact.getEmail().isBlank()) {
            return Outcome.NO_CONSENT;
        }
        ContactLedger ledger = ContactLedger.parse(ledgers.get(guestId));
        if (ledger.contains(campaign.getCampaignId())) {
            return Outcome.ALREADY_SENT;
        }
        long since = now - CAP_WINDOW.toMillis();
        if (ledger.countSince(since) >= settings.contactMaxPerWeek()) {
            return Outcome.CAPPED;
        }
        GuestView view = GuestViews.of(profile, null);
        List<Integer> picked = pick(campaign, profile, view, snapshot, candidates, now);
        if (picked.isEmpty()) {
            return Outcome.NOT_RELEVANT;
        }
        EmailSend send = send(campaign, profile, contact, view, snapshot, picked, now);
        context.forward(new Record<>(send.getSendId(), send, now));
        ledgers.put(guestId, ledger.with(now, campaign.getCampaignId(), since).format());
        return Outcome.CHOSEN;
    }

    /** Up to {@code maxItemsPerRecipient} candidates at or above the threshold, most relevant first. */
    private List<Integer> pick(Campaign campaign, GuestProfile profile, GuestView view, Catalogue snapshot,
                               BitSet candidates, long now) {
        BitSet eligible = (BitSet) candidates.clone();
        profile.getPurchasedConcertIds().forEach(id -> {
            int i = snapshot.indexOf(id);
            if (i >= 0) {
                eligible.clear(i);
            }
        });
        float[] scores = new float[Math.max(snapshot.size(), 1)];
        if (profile.getProfilingAllowed()) {
            relevance.score(view, snapshot, eligible, Instant.ofEpochMilli(now), scores);
        }
        List<Integer> relevant = new ArrayList<>();
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = Math.min(1f, Math.max(0f, scores[i]));
            if (scores[i] >= campaign.getRelevanceThreshold()) {
                relevant.add(i);
            }
        }
        relevant.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(snapshot::id));
        return List.copyOf(relevant.subList(0, Math.min(relevant.size(), Math.max(1, campaign.getMaxItemsPerRecipient()))));
    }

    private EmailSend send(Campaign campaign, GuestProfile profile, GuestContact contact, GuestView view,
                           Catalogue snapshot, List<Integer> picked, long now) {
        String sendId = sendId(campaign.getCampaignId(), profile.getGuestId());
        String group = profile.getBehaviourGroup() == null ? "unknown" : profile.getBehaviourGroup();
        String recommendationId = RecommendationIds.create(Channel.EMAIL.name(), group,
                "campaign-" + campaign.getKind().name().toLowerCase(Locale.ROOT), now);
        List<EmailItem> items = new ArrayList<>();
        for (int i : picked) {
            String concertId = snapshot.id(i);
            CatalogueEntry entry = catalogueStore.get(concertId);
            List<RecommendationReason> reasons = profile.getProfilingAllowed()
                    ? relevance.explain(view, snapshot, i, Instant.ofEpochMilli(now)) : List.of();
            items.add(EmailItem.newBuilder().setConcertId(concertId)
                    .setTitle(entry == null || entry.getTitle() == null ? concertId : entry.getTitle())
                    .setStartTime(entry == null || entry.getStartTime() == null ? null
                            : Instant.ofEpochMilli(entry.getStartTime()))
                    .setUrl(url(concertId, sendId, recommendationId))
                    .setReason(reasons.isEmpty() ? null : reasons.get(0).getText())
                    .setRecommendationId(recommendationId).build());
        }
        return EmailSend.newBuilder().setSendId(sendId).setCampaignId(campaign.getCampaignId())
                .setGuestId(profile.getGuestId()).setLanguage(language(campaign, profile, contact))
                .setToAddress(contact.getEmail()).setFirstName(contact.getFirstName())
                .setSubject(campaign.getSubject()).setItems(items).setCreatedAt(Instant.ofEpochMilli(now)).build();
    }

    /**
     * Hex SHA-256 of {@code <campaignId>|<guestId>}, as the EmailSend contract says: the same for every replay
     * of a campaign to a guest, so the sink can refuse a duplicate, and opaque in tracking links.
     */
    public static String sendId(String campaignId, String guestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaignId + "|" + guestId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private String url(String concertId, String sendId, String recommendationId) {
        return settings.concertUrlTemplate().replace("{concertId}", encode(concertId))
                .replace("{sendId}", encode(sendId)).replace("{recommendationId}", encode(recommendationId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String language(Campaign campaign, GuestProfile profile, GuestContact contact) {
        if (contact.getPreferredLanguage() != null) {
            return contact.getPreferredLanguage();
        }
        if (profile.getPreferredLanguage() != null) {
            return profile.getPreferredLanguage();
        }
        return campaign.getLanguage() != null ? campaign.getLanguage() : DEFAULT_LANGUAGE;
    }

    /**
     * On sale and not started; the campaign's concerts when it names any, else those starting in
     * [windowStart (or now), windowEnd). Undated concerts only when the campaign sets no window.
     */
    static BitSet candidates(Campaign campaign, Catalogue snapshot, long now) {
        BitSet eligible = snapshot.eligible(now, List.of());
        Set<String> named = new HashSet<>(campaign.getConcertIds());
        boolean windowed = campaign.getWindowStart() != null || campaign.getWindowEnd() != null;
        long from = campaign.getWindowStart() == null ? now : campaign.getWindowStart().toEpochMilli();
        long to = campaign.getWindowEnd() == null ? Long.MAX_VALUE : campaign.getWindowEnd().toEpochMilli();
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            long start = snapshot.startTime(i);
            boolean in = !named.isEmpty() ? named.contains(snapshot.id(i))
                    : start == Catalogue.UNDATED ? !windowed : start >= from && start < to;
            if (!in) {
                eligible.clear(i);
            }
        }
        return eligible;
    }

    private Catalogue snapshot() {
        List<CatalogueEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, CatalogueEntry> all = catalogueStore.all()) {
            all.forEachRemaining(entry -> entries.add(entry.value));
        }
        return CatalogueSnapshots.build(entries, settings.dimension());
    }

    private boolean fromContacts() {
        return context.recordMetadata().map(m -> m.topic().endsWith("guest-contacts")).orElse(false);
    }
}
