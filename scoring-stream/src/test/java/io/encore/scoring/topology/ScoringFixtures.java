package io.encore.scoring.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestHabits;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.avro.ValueGroup;
import io.encore.schemas.avro.WeightedConcept;

/** Concerts, their profiles and guest profiles in an 8-dimensional space where axis k is "taste k". */
final class ScoringFixtures {

    static final int DIMENSION = 8;
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private ScoringFixtures() {
    }

    static Concert concert(String id, String performer, Instant start, ConcertStatus status) {
        return Concert.newBuilder().setConcertId(id).setTitle("Concert " + id).setLanguage("en")
                .setPerformers(List.of(new Performer(performer, PerformerRole.ARTIST))).setTags(List.of())
                .setHall("Koncertsalen").setStartTime(start).setStatus(status).setVersion(1L).setUpdatedAt(T0).build();
    }

    /** A concert profile pointing along {@code axis}, with its performer as the only concept. */
    static ConcertProfile profile(String id, String performer, int axis) {
        return ConcertProfile.newBuilder().setConcertId(id)
                .setConcepts(List.of(new WeightedConcept(performer.toLowerCase(Locale.ROOT), ConceptKind.PERFORMER, 1f)))
                .setVector(unit(axis)).setDimension(DIMENSION).setLanguage("en").setCatalogueVersion(1L)
                .setProfiledAt(T0).build();
    }

    /** A guest who likes taste {@code axis}, web channel allowed. */
    static GuestProfile guest(String guestId, int axis, long version, List<String> purchased) {
        return GuestProfile.newBuilder().setGuestId(guestId).setAliases(List.of()).setKnown(true)
                .setAllowedChannels(List.of(Channel.WEB)).setProfilingAllowed(true)
                .setTasteVector(unit(axis)).setTasteDimension(DIMENSION)
                .setTopConcepts(List.of()).setNegativeConcepts(List.of())
                .setHabits(new GuestHabits(List.of(), List.of(), List.of(), Map.of(), Map.of()))
                .setRfm(RfmValue.newBuilder().setFrequencyPerMonth(0).setMonetaryMinor(0).setCurrency("DKK")
                        .setWindowDays(365).setValueGroup(ValueGroup.UNKNOWN).setAsOf(T0).build())
                .setSegment(LifecycleSegment.PROSPECT).setBehaviourGroup("prospect").setEventCount(1)
                .setPurchasedConcertIds(purchased).setVersion(version).setUpdatedAt(T0).build();
    }

    static ClickEvent click(String eventId, String concertId, String recommendationId, Instant at) {
        return ClickEvent.newBuilder().setEventId(eventId).setOccurredAt(at)
                .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "c")).setSessionId("s")
                .setType(ClickType.PAGE_VIEW).setChannel(Channel.WEB).setConcertId(concertId)
                .setPageUrl("https://hall.example/" + concertId).setRecommendationId(recommendationId)
                .setDevice(Device.DESKTOP).setSource("test").build();
    }

    static TicketSale purchase(String eventId, String concertId, String recommendationId, Instant at) {
        return TicketSale.newBuilder().setEventId(eventId).setOccurredAt(at)
                .setIdentifier(new GuestIdentifier(IdentifierType.GUEST_ID, "anna")).setType(TicketSaleType.PURCHASE)
                .setOrderId("o-" + eventId).setConcertId(concertId).setSalesChannel(SalesChannel.WEB).setSeats(2)
                .setAmountMinor(50_000).setCurrency("DKK").setRecommendationId(recommendationId).setSource("test")
                .build();
    }

    static List<Float> unit(int axis) {
        List<Float> vector = new ArrayList<>(Collections.nCopies(DIMENSION, 0f));
        vector.set(axis, 1f);
        return vector;
    }
}
