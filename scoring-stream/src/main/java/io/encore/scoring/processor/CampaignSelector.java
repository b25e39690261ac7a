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
import java.util.function.Function;
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
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.CampaignReport;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;
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
 * guests and their contacts are partitioned alike) and writes one {@link EmailSend} (EMAIL) or
 * {@link PrintSend} (PRINT) per recipient, then one {@link CampaignReport} with the task's counts.
 *
 * <p>Per guest, in this order: no consent (the channel not allowed), no address (no contact e-mail, or no postal
 * address for PRINT), other language (the campaign names a language the guest does not prefer), already sent
 * (the ledger holds this campaign: a replay), capped (EMAIL only: the contact ledger holds
 * {@code contactMaxPerWeek} e-mails in the last 7 days, across campaigns), not relevant (no candidate concert
 * reaches the campaign's threshold), else chosen. Relevance is the concept-match model's raw score (the cosine
 * of taste and concert, minus any aversion penalty) clipped to [0, 1]: an absolute scale a threshold can mean
 * something on, unlike the lists' min–max normalization. Guests who do not allow profiling have relevance 0
 * everywhere. All of the task's guests are visited in one pass (campaigns are rare).
 *
 * <p>The send id is a function of campaign and guest, so a replay writes the same id and the sinks refuse the
 * duplicate; the ledger remembers the campaign, so a replay does not count against the cap either.
 */
public final class CampaignSelector implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Duration CAP_WINDOW = Duration.ofDays(7);
    private static final String DEFAULT_LANGUAGE = "da";

    /** What became of one guest for one campaign. */
    enum Outcome { CHOSEN, NO_CONSENT, NO_ADDRESS, OTHER_LANGUAGE, ALREADY_SENT, CAPPED, NOT_RELEVANT }

    private final ScoringSettings settings;
    private final int partitions;
    private final ConceptMatchModel relevance = new ConceptMatchModel();
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, GuestProfile> guests;
    private KeyValueStore<String, CatalogueEntry> catalogueStore;
    private KeyValueStore<String, GuestContact> contacts;
    private KeyValueStore<String, String> ledgers;

    /**
     * @param partitions partitions of guest-profiles, quoted in every report so a reader knows when it has all
     */
    public CampaignSelector(ScoringSettings settings, int partitions) {
        this.settings = settings;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
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
        long now = context.currentSystemTimeMs();
        Catalogue snapshot = snapshot();
        BitSet candidates = candidates(campaign, snapshot, now);
        Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            tally.put(outcome, 0);
        }
        int[] items = new int[1];
        try (KeyValueIterator<String, GuestProfile> all = guests.all()) {
            while (all.hasNext()) {
                Outcome outcome = decide(campaign, all.next().value, snapshot, candidates, now, items);
                tally.merge(outcome, 1, Integer::sum);
            }
        }
        // Counts only: never a guest or a contact detail.
        CampaignReport report = CampaignReport.newBuilder().setCampaignId(campaign.getCampaignId())
                .setChannel(campaign.getChannel()).setPartition(context.taskId().partition())
                .setPartitions(partitions).setGuests(tally.values().stream().mapToInt(Integer::intValue).sum())
                .setChosen(tally.get(Outcome.CHOSEN)).setNoConsent(tally.get(Outcome.NO_CONSENT))
                .setNoAddress(tally.get(Outcome.NO_ADDRESS)).setOtherLanguage(tally.get(Outcome.OTHER_LANGUAGE))
                .setCapped(tally.get(Outcome.CAPPED)).setNotRelevant(tally.get(Outcome.NOT_RELEVANT))
                .setAlreadySent(tally.get(Outcome.ALREADY_SENT)).setItems(items[0])
                .setDecidedAt(Instant.ofEpochMilli(now)).build();
        context.forward(new Record<String, SpecificRecord>(campaign.getCampaignId(), report, now),
                ScoringNames.SINK_CAMPAIGN_REPORTS);
    }

    private Outcome decide(Campaign campaign, GuestProfile profile, Catalogue snapshot, BitSet candidates, long now,
                           int[] items) {
        String guestId = profile.getGuestId();
        Channel channel = campaign.getChannel();
        if (!profile.getAllowedChannels().contains(channel)) {
            return Outcome.NO_CONSENT;
        }
        GuestContact contact = contacts.get(guestId);
        if (!addressable(channel, contact)) {
            return Outcome.NO_ADDRESS;
        }
        String language = language(profile, contact);
        if (campaign.getLanguage() != null && !campaign.getLanguage().equals(language)) {
            return Outcome.OTHER_LANGUAGE;
        }
        String ledgerKey = ledgerKey(channel, guestId);
        ContactLedger ledger = ContactLedger.parse(ledgers.get(ledgerKey));
        if (ledger.contains(campaign.getCampaignId())) {
            return Outcome.ALREADY_SENT;
        }
        long since = now - CAP_WINDOW.toMillis();
        if (channel == Channel.EMAIL && ledger.countSince(since) >= settings.contactMaxPerWeek()) {
            return Outcome.CAPPED;
        }
        GuestView view = GuestViews.of(profile, null);
        List<Integer> picked = pick(campaign, profile, view, snapshot, candidates, now);
        if (picked.isEmpty()) {
            return Outcome.NOT_RELEVANT;
        }
        String sendId = sendId(campaign.getCampaignId(), guestId);
        SpecificRecord send = channel == Channel.EMAIL
                ? email(campaign, profile, contact, language, sendId,
                        items(campaign, profile, view, snapshot, picked, sendId, now, CampaignSelector::emailItem), now)
                : print(campaign, profile, contact, language, sendId,
                        items(campaign, profile, view, snapshot, picked, sendId, now, CampaignSelector::printItem), now);
        context.forward(new Record<>(sendId, send, now),
                channel == Channel.EMAIL ? ScoringNames.SINK_EMAIL_SENDS : ScoringNames.SINK_PRINT_SENDS);
        ledgers.put(ledgerKey, ledger.with(now, campaign.getCampaignId(), since).format());
        items[0] += picked.size();
        return Outcome.CHOSEN;
    }

    private static boolean addressable(Channel channel, GuestContact contact) {
        if (contact == null) {
            return false;
        }
        return channel == Channel.PRINT ? contact.getPostalAddress() != null
                : contact.getEmail() != null && !contact.getEmail().isBlank();
    }

    /**
     * The contact ledger of a guest for a channel: e-mails under the guest id (they share the weekly cap),
     * printed pieces under {@code <guestId>|PRINT} (no weekly cap: only replays are refused).
     */
    public static String ledgerKey(Channel channel, String guestId) {
        return channel == Channel.EMAIL ? guestId : guestId + "|" + channel.name();
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

    /**
     * One presented concert: what both send records carry per item, built into the channel's item type;
     * {@code startTime} and {@code reason} may be null.
     */
    private record Item(String concertId, String title, Instant startTime, String url,
                        String reason, String recommendationId) {
    }

    private <T> List<T> items(Campaign campaign, GuestProfile profile, GuestView view, Catalogue snapshot,
                              List<Integer> picked, String sendId, long now, Function<Item, T> build) {
        String group = profile.getBehaviourGroup() == null ? "unknown" : profile.getBehaviourGroup();
        String recommendationId = RecommendationIds.create(campaign.getChannel().name(), group,
                "campaign-" + campaign.getKind().name().toLowerCase(Locale.ROOT), now);
        List<T> items = new ArrayList<>();
        for (int i : picked) {
            String concertId = snapshot.id(i);
            CatalogueEntry entry = catalogueStore.get(concertId);
            List<RecommendationReason> reasons = profile.getProfilingAllowed()
                    ? relevance.explain(view, snapshot, i, Instant.ofEpochMilli(now)) : List.of();
            items.add(build.apply(new Item(concertId,
                    entry == null || entry.getTitle() == null ? concertId : entry.getTitle(),
                    entry == null || entry.getStartTime() == null ? null : Instant.ofEpochMilli(entry.getStartTime()),
                    url(concertId, sendId, recommendationId),
                    reasons.isEmpty() ? null : reasons.get(0).getText(), recommendationId)));
        }
        return items;
    }

    private static EmailItem emailItem(Item item) {
        return EmailItem.newBuilder().setConcertId(item.concertId()).setTitle(item.title())
                .setStartTime(item.startTime()).setUrl(item.url()).setReason(item.reason())
                .setRecommendationId(item.recommendationId()).build();
    }

    private static PrintItem printItem(Item item) {
        return PrintItem.newBuilder().setConcertId(item.concertId()).setTitle(item.title())
                .setStartTime(item.startTime()).setUrl(item.url()).setReason(item.reason())
                .setRecommendationId(item.recommendationId()).build();
    }

    private static EmailSend email(Campaign campaign, GuestProfile profile, GuestContact contact, String language,
                                   String sendId, List<EmailItem> items, long now) {
        return EmailSend.newBuilder().setSendId(sendId).setCampaignId(campaign.getCampaignId())
                .setGuestId(profile.getGuestId()).setLanguage(language)
                .setToAddress(contact.getEmail()).setFirstName(contact.getFirstName())
                .setSubject(campaign.getSubject()).setItems(items).setCreatedAt(Instant.ofEpochMilli(now)).build();
    }

    private static PrintSend print(Campaign campaign, GuestProfile profile, GuestContact contact, String language,
                                   String sendId, List<PrintItem> items, long now) {
        return PrintSend.newBuilder().setSendId(sendId).setCampaignId(campaign.getCampaignId())
                .setGuestId(profile.getGuestId()).setLanguage(language)
                .setFirstName(contact.getFirstName()).setLastName(contact.getLastName())
                .setPostalAddress(contact.getPostalAddress()).setTitle(campaign.getSubject())
                .setItems(items).setCreatedAt(Instant.ofEpochMilli(now)).build();
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

    /** The guest's language: the contact's preference, else the profile's, else Danish. */
    private static String language(GuestProfile profile, GuestContact contact) {
        if (contact.getPreferredLanguage() != null) {
            return contact.getPreferredLanguage();
        }
        return profile.getPreferredLanguage() != null ? profile.getPreferredLanguage() : DEFAULT_LANGUAGE;
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
