package io.encore.stack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;

/**
 * The benchmark's synthetic hall, seeded so every run offers the same work: concerts spread over 21 sub-genres
 * and 300 performers, and guests who each lean to one sub-genre. An event is a page view (80 %), a favourite
 * (15 %) or a ticket purchase (5 %), of a concert in the guest's sub-genre three times in four. A share of the
 * guests starts with a consent to profiling, the web, e-mail and ads, and so gets three lists and joins concert
 * audiences; the others, without a consent record, get the web list alone.
 */
final class Workload {

    static final int GENRES = 21;
    private static final int PERFORMERS = 300;
    private static final String[] WORDS = {"evening", "strings", "voices", "night", "piano", "brass", "songs",
        "sonata", "groove", "quartet", "ballads", "rhythm", "symphony", "improvised", "premiere", "choir"};

    private final int concerts;
    private final int guests;
    private final double consentShare;
    private final Instant start;

    /**
     * @param consentShare share of the guests who consent to the web, e-mail and ads, in [0, 1]
     * @param start        when the season's first concert is announced; concerts start 2–182 days after it
     */
    Workload(int concerts, int guests, double consentShare, Instant start) {
        this.concerts = concerts;
        this.guests = guests;
        this.consentShare = consentShare;
        this.start = start;
    }

    int guests() {
        return guests;
    }

    static String concertId(int c) {
        return "bench-c-" + c;
    }

    static GuestIdentifier guest(int g) {
        return new GuestIdentifier(IdentifierType.GUEST_ID, "bench-g-" + g);
    }

    static String key(GuestIdentifier identifier) {
        return identifier.getType() + ":" + identifier.getValue();
    }

    /** Concert {@code c} of the season; {@code id} may differ from {@link #concertId} for a concert announced later. */
    Concert concert(int c, String id) {
        SplittableRandom random = new SplittableRandom(31L * c + 7);
        int genre = c % GENRES;
        StringBuilder description = new StringBuilder("An evening of genre ").append(genre);
        for (int w = 0; w < 12; w++) {
            description.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Concert.newBuilder()
                .setConcertId(id).setTitle("Concert " + c + " " + WORDS[c % WORDS.length])
                .setDescription(description.toString()).setLanguage(c % 2 == 0 ? "da" : "en")
                .setPerformers(List.of(new Performer("Performer " + (genre * 100 + random.nextInt(PERFORMERS / GENRES)),
                        PerformerRole.ARTIST)))
                .setTags(List.of("genre-" + genre, "mood-" + random.nextInt(5)))
                .setHall("Hall " + (c % 3)).setStartTime(start.plus(Duration.ofDays(2 + c % 180)).plusSeconds(c))
                .setStatus(ConcertStatus.ON_SALE).setVersion(1L).setUpdatedAt(start).build();
    }

    /** Whether guest {@code g} starts with a consent record: spread evenly over the guest numbers. */
    boolean consents(int g) {
        return Math.floor((g + 1) * consentShare) > Math.floor(g * consentShare);
    }

    static GuestConsent consent(long sequence, int g, Instant at) {
        return GuestConsent.newBuilder().setEventId("bench-e-" + sequence).setOccurredAt(at).setIdentifier(guest(g))
                .setProfilingConsent(true).setWebPersonalizationConsent(true).setEmailConsent(true).setAdsConsent(true)
                .setSource("bench").build();
    }

    /** One event of guest {@code g}, as the record for its input topic (a {@link ClickEvent} or a {@link TicketSale}). */
    Object event(long sequence, int g, Instant at, SplittableRandom random) {
        GuestIdentifier who = guest(g);
        int genre = g % GENRES;
        int concert = random.nextInt(4) == 0 ? random.nextInt(concerts)
                : Math.min(concerts - 1, genre + GENRES * random.nextInt(Math.max(1, concerts / GENRES)));
        int kind = random.nextInt(100);
        if (kind < 5) {
            return purchase("bench-e-" + sequence, who, concertId(concert), at);
        }
        return ClickEvent.newBuilder()
                .setEventId("bench-e-" + sequence).setOccurredAt(at).setIdentifier(who).setSessionId("s-" + g)
                .setType(kind < 20 ? ClickType.FAVOURITE : ClickType.PAGE_VIEW).setChannel(Channel.WEB)
                .setConcertId(concertId(concert)).setPageUrl("https://hall.example/" + concertId(concert))
                .setDevice(Device.DESKTOP).setSource("bench").build();
    }

    static TicketSale purchase(String eventId, GuestIdentifier who, String concertId, Instant at) {
        return TicketSale.newBuilder().setEventId(eventId).setOccurredAt(at).setIdentifier(who)
                .setType(TicketSaleType.PURCHASE).setOrderId("o-" + eventId).setConcertId(concertId)
                .setSalesChannel(SalesChannel.WEB).setSeats(2).setAmountMinor(40_000).setCurrency("DKK")
                .setSource("bench").build();
    }
}
