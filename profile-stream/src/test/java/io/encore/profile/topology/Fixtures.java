package io.encore.profile.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.AdInteractionType;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;

/** Input records for topology tests, with only the fields that matter to a test spelled out at the call. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private Fixtures() {
    }

    static GuestIdentifier cookie(String value) {
        return new GuestIdentifier(IdentifierType.COOKIE, value);
    }

    static GuestIdentifier guest(String value) {
        return new GuestIdentifier(IdentifierType.GUEST_ID, value);
    }

    static GuestIdentifier card(String value) {
        return new GuestIdentifier(IdentifierType.LOYALTY_CARD, value);
    }

    static String key(GuestIdentifier identifier) {
        return identifier.getType().name() + ":" + identifier.getValue();
    }

    static Concert concert(String id, String title, String performer, List<String> tags, Instant start) {
        return Concert.newBuilder()
                .setConcertId(id)
                .setTitle(title)
                .setDescription(title + " live in the great hall")
                .setLanguage("en")
                .setPerformers(List.of(new Performer(performer, PerformerRole.ARTIST)))
                .setTags(tags)
                .setHall("Koncertsalen")
                .setStartTime(start)
                .setStatus(ConcertStatus.ON_SALE)
                .setVersion(1L)
                .setUpdatedAt(T0)
                .build();
    }

    /** The crooner concert most tests need: Gregory Porter, vocal jazz, 30 days after {@link #T0}. */
    static Concert crooner() {
        return concert("jazz", "Crooner night", "Gregory Porter", List.of("vocal jazz"), T0.plus(Duration.ofDays(30)));
    }

    static ClickEvent click(String eventId, GuestIdentifier who, ClickType type, String concertId, Instant at) {
        return ClickEvent.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setIdentifier(who)
                .setSessionId("s-" + who.getValue())
                .setType(type)
                .setChannel(Channel.WEB)
                .setConcertId(concertId)
                .setPageUrl("https://hall.example/c/" + concertId)
                .setDevice(Device.DESKTOP)
                .setSource("test")
                .build();
    }

    static ClickEvent search(String eventId, GuestIdentifier who, String performer, Instant at) {
        return ClickEvent.newBuilder(click(eventId, who, ClickType.ARTIST_SEARCH, null, at))
                .setPerformer(performer).setPageUrl("https://hall.example/search").build();
    }

    static TicketSale sale(String eventId, GuestIdentifier who, TicketSaleType type, String concertId, long amount,
                           Instant at) {
        return TicketSale.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setIdentifier(who)
                .setType(type)
                .setOrderId("o-" + eventId)
                .setConcertId(concertId)
                .setSalesChannel(SalesChannel.WEB)
                .setSeats(2)
                .setAmountMinor(amount)
                .setCurrency("DKK")
                .setSource("test")
                .build();
    }

    static AdInteraction ad(String eventId, GuestIdentifier who, AdInteractionType type, String concertId, Instant at) {
        return AdInteraction.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setIdentifier(who).setType(type).setPlatform("meta")
                .setCampaignId("camp").setAdId("ad").setConcertId(concertId).setDevice(Device.MOBILE).setSource("test")
                .build();
    }

    static IdentityLink link(String eventId, GuestIdentifier from, GuestIdentifier to, Instant at) {
        return IdentityLink.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setFrom(from).setTo(to).setReason(LinkReason.LOGIN)
                .setSource("test").build();
    }

    static GuestConsent consent(String eventId, GuestIdentifier who, boolean profiling, boolean erasure, Instant at) {
        return GuestConsent.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setIdentifier(who).setProfilingConsent(profiling)
                .setEmailConsent(true).setAdsConsent(false).setWebPersonalizationConsent(true).setPrintConsent(false)
                .setErasureRequested(erasure).setSource("test").build();
    }
}
