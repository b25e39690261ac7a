package io.encore.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestHabits;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.avro.ValueGroup;
import io.encore.schemas.avro.WeightedConcept;

/**
 * Records the sink ITs put on the broker: a catalogue whose concert k points along taste axis k (64
 * dimensions, scoring-stream's default), guests whose taste says how much they like each, their contacts, and
 * the channel records (e-mail sends, audiences, web lists) the sinks deliver.
 */
final class SinkTraffic {

    static final int DIMENSION = 64;

    private SinkTraffic() {
    }

    /** Concert {@code id} on sale, {@code daysAhead} days from now, by a performer of its own. */
    static Concert concert(String id, String title, int daysAhead) {
        Instant now = Instant.now();
        return Concert.newBuilder().setConcertId(id).setTitle(title).setLanguage("en")
                .setPerformers(List.of(new Performer("Performer of " + id, PerformerRole.ARTIST))).setTags(List.of())
                .setHall("Koncertsalen").setStartTime(now.plus(Duration.ofDays(daysAhead)))
                .setStatus(ConcertStatus.ON_SALE).setVersion(1L).setUpdatedAt(now).build();
    }

    /** The profile of concert {@code id}: a unit vector along {@code axis}, its performer as the one concept. */
    static ConcertProfile concertProfile(String id, int axis) {
        return ConcertProfile.newBuilder().setConcertId(id)
                .setConcepts(List.of(new WeightedConcept("performer of " + id, ConceptKind.PERFORMER, 1f)))
                .setVector(vector(Map.of(axis, 1f))).setDimension(DIMENSION).setLanguage("en").setCatalogueVersion(1L)
                .setProfiledAt(Instant.now()).build();
    }

    /** A known guest who allows profiling and {@code channels}, with the given taste and aliases. */
    static GuestProfile guest(String guestId, List<Channel> channels, Map<Integer, Float> taste,
                              List<GuestIdentifier> aliases) {
        Instant now = Instant.now();
        return GuestProfile.newBuilder().setGuestId(guestId).setAliases(aliases).setKnown(true)
                .setAllowedChannels(channels).setProfilingAllowed(true)
                .setTasteVector(vector(taste)).setTasteDimension(DIMENSION)
                .setTopConcepts(List.of()).setNegativeConcepts(List.of())
                .setHabits(new GuestHabits(List.of(), List.of(), List.of(), Map.of(), Map.of()))
                .setRfm(RfmValue.newBuilder().setFrequencyPerMonth(0).setMonetaryMinor(0).setCurrency("DKK")
                        .setWindowDays(365).setValueGroup(ValueGroup.UNKNOWN).setAsOf(now).build())
                .setSegment(LifecycleSegment.PROSPECT).setBehaviourGroup("prospect").setEventCount(1)
                .setPurchasedConcertIds(List.of()).setVersion(1L).setUpdatedAt(now).build();
    }

    static GuestContact contact(String guestId, String email, String firstName, String language) {
        return GuestContact.newBuilder().setGuestId(guestId).setEmail(email).setFirstName(firstName)
                .setPreferredLanguage(language).setUpdatedAt(Instant.now()).build();
    }

    /** An e-mail send as scoring-stream writes it, with the contract's send id. */
    static EmailSend emailSend(String campaignId, String guestId, String email, String... concertIds) {
        String sendId = sha256Hex(campaignId + "|" + guestId);
        List<EmailItem> items = new ArrayList<>();
        for (String concertId : concertIds) {
            items.add(EmailItem.newBuilder().setConcertId(concertId).setTitle("Concert " + concertId)
                    .setStartTime(Instant.parse("2026-12-05T18:30:00Z")).setUrl("https://hall.example/concerts/" + concertId)
                    .setReason("Because you like " + concertId).setRecommendationId("rec-" + sendId.substring(0, 8)).build());
        }
        return EmailSend.newBuilder().setSendId(sendId).setCampaignId(campaignId).setGuestId(guestId).setLanguage("en")
                .setToAddress(email).setFirstName("Guest").setSubject("Concerts for you").setItems(items)
                .setCreatedAt(Instant.now()).build();
    }

    /** An audience member known by the SHA-256 of its e-mail (and by any further keys). */
    static AudienceMember member(String guestId, String email, boolean lookalike, GuestIdentifier... moreKeys) {
        List<GuestIdentifier> keys = new ArrayList<>();
        keys.add(new GuestIdentifier(IdentifierType.EMAIL_SHA256, emailHash(email)));
        keys.addAll(List.of(moreKeys));
        return AudienceMember.newBuilder().setGuestId(guestId).setScore(0.5).setLookalike(lookalike)
                .setMatchKeys(keys).setRecommendationId("rec-" + guestId).build();
    }

    static ConcertAudience audience(String concertId, long version, List<AudienceMember> members,
                                    List<AudienceMember> added, List<AudienceMember> removed) {
        return ConcertAudience.newBuilder().setConcertId(concertId).setMembers(members).setAdded(added)
                .setRemoved(removed).setVersion(version).setPreviousVersion(version == 1 ? null : version - 1)
                .setGeneratedAt(Instant.now()).build();
    }

    /** A WEB list of {@code concertIds} in rank order. */
    static RecommendationSet webList(String recommendationId, String guestId, String... concertIds) {
        List<RecommendationItem> items = new ArrayList<>();
        for (int i = 0; i < concertIds.length; i++) {
            items.add(RecommendationItem.newBuilder().setConcertId(concertIds[i]).setRank(i + 1).setScore(0.9 - i * 0.1)
                    .setModel("concept-match")
                    .setReasons(List.of(new RecommendationReason(ReasonCode.SAME_COMPOSER, "Because you heard Nielsen", "carl nielsen")))
                    .build());
        }
        return RecommendationSet.newBuilder().setRecommendationId(recommendationId).setGuestId(guestId)
                .setChannel(Channel.WEB).setArm("concept-match").setLanguage("da").setItems(items)
                .setGeneratedAt(Instant.now()).build();
    }

    /** The hash the ad audience contract uses: SHA-256 of the trimmed, lower-cased e-mail, lower-case hex. */
    static String emailHash(String email) {
        return sha256Hex(email.trim().toLowerCase(Locale.ROOT));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static List<Float> vector(Map<Integer, Float> components) {
        List<Float> vector = new ArrayList<>(Collections.nCopies(DIMENSION, 0f));
        components.forEach(vector::set);
        return vector;
    }
}
