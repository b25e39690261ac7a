package io.encore.schemas.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.CampaignReport;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.ErasureAudit;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.PrintSend;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.SegmentChange;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * Every topic of Encore, built once from configuration: the name prefix and the wire format (registry) that
 * the value serdes use. Keys are plain UTF-8 strings on every topic, so any client can read and partition
 * them. docs/topics.md describes each topic; a test keeps the two in step.
 */
public final class TopicCatalogue {

    /** Partitions of every topic keyed by guest or concert: they must match to co-partition joins. */
    public static final int DEFAULT_PARTITIONS = 4;

    private final String prefix;
    private final int partitions;
    private final AvroWireFormat wireFormat;
    private final Map<String, Topic<String, ?>> byLogicalName = new HashMap<>();
    private final List<Topic<String, ?>> all = new ArrayList<>();

    private final Topic<String, ClickEvent> clickEvents;
    private final Topic<String, EmailResponse> emailResponses;
    private final Topic<String, AdInteraction> adInteractions;
    private final Topic<String, TicketSale> ticketSales;
    private final Topic<String, Concert> concerts;
    private final Topic<String, ConcertProfile> concertProfiles;
    private final Topic<String, IdentityLink> identityLinks;
    private final Topic<String, GuestConsent> guestConsents;
    private final Topic<String, GuestContact> guestContacts;
    private final Topic<String, MarketSpend> marketSpend;
    private final Topic<String, GuestProfile> guestProfiles;
    private final Topic<String, SegmentChange> segmentChanges;
    private final Topic<String, RecommendationSet> recommendations;
    private final Topic<String, RecommendationChange> recommendationChanges;
    private final Topic<String, ConcertAudience> concertAudiences;
    private final Topic<String, Campaign> campaigns;
    private final Topic<String, EmailSend> emailSends;
    private final Topic<String, PrintSend> printSends;
    private final Topic<String, CampaignReport> campaignReports;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, ErasureAudit> erasureAudits;

    /**
     * @param prefix     prepended to every topic name (for example {@code "staging."}); may be empty
     * @param partitions partition count of the guest- and concert-keyed topics
     * @param wireFormat the Confluent wire format (and registry) of every value serde
     */
    public TopicCatalogue(String prefix, int partitions, AvroWireFormat wireFormat) {
        if (prefix == null || !prefix.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' may only hold letters, digits, '.', '_' and '-'");
        }
        this.prefix = prefix;
        this.partitions = partitions;
        this.wireFormat = wireFormat;
        clickEvents = events("click-events", ClickEvent.class);
        emailResponses = events("email-responses", EmailResponse.class);
        adInteractions = events("ad-interactions", AdInteraction.class);
        ticketSales = events("ticket-sales", TicketSale.class);
        concerts = state("concerts", Concert.class);
        concertProfiles = state("concert-profiles", ConcertProfile.class);
        identityLinks = state("identity-links", IdentityLink.class);
        guestConsents = state("guest-consents", GuestConsent.class);
        guestContacts = state("guest-contacts", GuestContact.class);
        marketSpend = events("market-spend", MarketSpend.class);
        guestProfiles = state("guest-profiles", GuestProfile.class);
        segmentChanges = events("segment-changes", SegmentChange.class);
        recommendations = state("recommendations", RecommendationSet.class);
        recommendationChanges = events("recommendation-changes", RecommendationChange.class);
        concertAudiences = state("concert-audiences", ConcertAudience.class);
        campaigns = add("campaigns", Campaign.class, 1, CleanupPolicy.DELETE, Map.of());
        emailSends = events("email-sends", EmailSend.class);
        printSends = events("print-sends", PrintSend.class);
        campaignReports = add("campaign-reports", CampaignReport.class, 1, CleanupPolicy.DELETE, Map.of());
        // Dead letters wait for a person: kept for 30 days rather than the broker default of 7.
        deadLetters = add("dead-letters", DeadLetter.class, 1, CleanupPolicy.DELETE,
                Map.of("retention.ms", Long.toString(30L * 24 * 60 * 60 * 1000)));
        // Proof of erasures, without personal data: kept until an operator decides otherwise.
        erasureAudits = add("erasure-audits", ErasureAudit.class, 1, CleanupPolicy.DELETE, Map.of("retention.ms", "-1"));
    }

    public String prefix() {
        return prefix;
    }

    /** Every topic, in catalogue order. */
    public List<Topic<String, ?>> all() {
        return Collections.unmodifiableList(all);
    }

    /** The topic with this name without prefix, as in docs/topics.md. */
    public Optional<Topic<String, ?>> byLogicalName(String logicalName) {
        return Optional.ofNullable(byLogicalName.get(logicalName));
    }

    public Topic<String, ClickEvent> clickEvents() {
        return clickEvents;
    }

    public Topic<String, EmailResponse> emailResponses() {
        return emailResponses;
    }

    public Topic<String, AdInteraction> adInteractions() {
        return adInteractions;
    }

    public Topic<String, TicketSale> ticketSales() {
        return ticketSales;
    }

    public Topic<String, Concert> concerts() {
        return concerts;
    }

    public Topic<String, ConcertProfile> concertProfiles() {
        return concertProfiles;
    }

    public Topic<String, IdentityLink> identityLinks() {
        return identityLinks;
    }

    public Topic<String, GuestConsent> guestConsents() {
        return guestConsents;
    }

    public Topic<String, GuestContact> guestContacts() {
        return guestContacts;
    }

    public Topic<String, MarketSpend> marketSpend() {
        return marketSpend;
    }

    public Topic<String, GuestProfile> guestProfiles() {
        return guestProfiles;
    }

    public Topic<String, SegmentChange> segmentChanges() {
        return segmentChanges;
    }

    public Topic<String, RecommendationSet> recommendations() {
        return recommendations;
    }

    public Topic<String, RecommendationChange> recommendationChanges() {
        return recommendationChanges;
    }

    public Topic<String, ConcertAudience> concertAudiences() {
        return concertAudiences;
    }

    public Topic<String, Campaign> campaigns() {
        return campaigns;
    }

    public Topic<String, EmailSend> emailSends() {
        return emailSends;
    }

    public Topic<String, PrintSend> printSends() {
        return printSends;
    }

    public Topic<String, CampaignReport> campaignReports() {
        return campaignReports;
    }

    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    public Topic<String, ErasureAudit> erasureAudits() {
        return erasureAudits;
    }

    private <V extends SpecificRecord> Topic<String, V> events(String logicalName, Class<V> type) {
        return add(logicalName, type, partitions, CleanupPolicy.DELETE, Map.of());
    }

    private <V extends SpecificRecord> Topic<String, V> state(String logicalName, Class<V> type) {
        return add(logicalName, type, partitions, CleanupPolicy.COMPACT, Map.of());
    }

    private <V extends SpecificRecord> Topic<String, V> add(String logicalName, Class<V> type, int count,
                                                            CleanupPolicy policy, Map<String, String> extra) {
        Map<String, String> configs = new HashMap<>(extra);
        configs.put("cleanup.policy", policy.configValue());
        Serde<String> keys = Serdes.String();
        Topic<String, V> topic = new Topic<>(logicalName, prefix + logicalName, keys,
                AvroSerde.specific(type, wireFormat, false), count, policy, configs);
        byLogicalName.put(logicalName, topic);
        all.add(topic);
        return topic;
    }
}
