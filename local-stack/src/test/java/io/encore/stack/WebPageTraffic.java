package io.encore.stack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.PriceRange;
import io.encore.schemas.avro.Work;

/**
 * What {@code WebPageIT} puts on the demo's broker: a small season of clearly different kinds of concert and two
 * known guests whose histories point at different kinds, so that each guest's "Selected for you" row has a kind
 * the test can name.
 *
 * <p>The histories hold page views, favourites and an artist search, never a purchase: with no sales the
 * population models (trending, co-attendance, look-alike) and the habit model have no opinion and fall back to
 * concept match, so whichever arm the bandit draws, the top card follows the guest's taste. Every concert has a
 * performer of its own (new to the venue), so the discovery model ranks by taste too.
 */
final class WebPageTraffic {

    private static final ZoneId HALL_ZONE = ZoneId.of("Europe/Copenhagen");

    /** The kinds of concert in the season. */
    enum Kind { VOCAL_JAZZ, NIELSEN_SYMPHONIC, EXPERIMENTAL_PERCUSSION, DANISH_POP }

    /** A concert of the season and its kind. */
    record Show(Kind kind, Concert concert) {

        String id() {
            return concert.getConcertId();
        }
    }

    /** A known guest: {@code GUEST_ID:<value>}, named in the CRM, who likes concerts of {@code kind}. */
    record Guest(String value, String firstName, String language, Kind kind) {

        GuestIdentifier identifier() {
            return new GuestIdentifier(IdentifierType.GUEST_ID, value);
        }

        /** The guest id, and the key of every record about the guest. */
        String id() {
            return "GUEST_ID:" + value;
        }
    }

    static final Guest JAZZ_LOVER = new Guest("web-it-karen", "Karen", "da", Kind.VOCAL_JAZZ);
    static final Guest NIELSEN_LOVER = new Guest("web-it-oliver", "Oliver", "en", Kind.NIELSEN_SYMPHONIC);

    private WebPageTraffic() {
    }

    /** Ten concerts over the next five weeks, at 19:30 in the hall, on sale. */
    static List<Show> season(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, HALL_ZONE);
        return List.of(
                new Show(Kind.VOCAL_JAZZ, concert("jazz-krogh", "da", "Signe Krogh synger standards",
                        "Vokaljazz i Studie 2: Signe Krogh og hendes kvartet synger ballader og swing fra den store amerikanske sangbog.",
                        "Signe Krogh sings standards", "Vocal jazz in Studio 2: ballads and swing from the Great American Songbook.",
                        List.of(new Performer("Signe Krogh", PerformerRole.ARTIST), new Performer("Krogh Kvartet", PerformerRole.BAND)),
                        List.of(), List.of("jazz", "vokaljazz"), "Studie 2", today.plusDays(6), 245)),
                new Show(Kind.VOCAL_JAZZ, concert("jazz-hale", "en", "Late Night Vocal Jazz with Marcus Hale",
                        "A crooner's late set: Marcus Hale and his trio in Sinatra, Nat King Cole and new songs in the same vein.",
                        "Sen aften med vokaljazz: Marcus Hale", "Crooneren Marcus Hale og hans trio synger Sinatra og Nat King Cole.",
                        List.of(new Performer("Marcus Hale", PerformerRole.ARTIST), new Performer("Hale Trio", PerformerRole.BAND)),
                        List.of(), List.of("jazz", "vokaljazz", "crooner"), "Studie 2", today.plusDays(13), 275)),
                new Show(Kind.VOCAL_JAZZ, concert("jazz-lind", "da", "Maja Lind: Ella og Louis i Koncertsalen",
                        "Maja Lind og Copenhagen Swing Collective synger duetterne fra jazzens guldalder.",
                        "Maja Lind: Ella and Louis", "Duets from the golden age of vocal jazz.",
                        List.of(new Performer("Maja Lind", PerformerRole.ARTIST), new Performer("Copenhagen Swing Collective", PerformerRole.BAND)),
                        List.of(), List.of("jazz", "vokaljazz", "swing"), "Koncertsalen", today.plusDays(20), 325)),
                new Show(Kind.NIELSEN_SYMPHONIC, concert("nielsen-4", "da", "Carl Nielsen: Symfoni nr. 4 »Det Uudslukkelige«",
                        "Koncerthusets Symfoniorkester og dirigent Anna Skovgaard spiller Nielsens store symfoni om livsviljen.",
                        "Carl Nielsen: Symphony No. 4 'The Inextinguishable'", "Nielsen's great symphony of the will to live.",
                        List.of(new Performer("Koncerthusets Symfoniorkester", PerformerRole.ENSEMBLE), new Performer("Anna Skovgaard", PerformerRole.CONDUCTOR)),
                        List.of(new Work("Symfoni nr. 4 »Det Uudslukkelige«", "Carl Nielsen")), List.of("klassisk", "symfoni"), "Koncertsalen",
                        today.plusDays(8), 195)),
                new Show(Kind.NIELSEN_SYMPHONIC, concert("nielsen-5", "en", "Nielsen's Fifth and Sibelius",
                        "Two Nordic symphonies: Carl Nielsen's Symphony No. 5 with its rebellious snare drum, and Sibelius's Second.",
                        "Nielsens femte og Sibelius", "To nordiske symfonier: Nielsens femte og Sibelius' anden.",
                        List.of(new Performer("Koncerthusets Symfoniorkester", PerformerRole.ENSEMBLE), new Performer("Henrik Vestergaard", PerformerRole.CONDUCTOR)),
                        List.of(new Work("Symphony No. 5", "Carl Nielsen"), new Work("Symphony No. 2", "Jean Sibelius")),
                        List.of("klassisk", "symfoni"), "Koncertsalen", today.plusDays(15), 225)),
                new Show(Kind.NIELSEN_SYMPHONIC, concert("nielsen-helios", "da", "Helios og Maskarade: Nielsens festaften",
                        "Ouverturerne Helios og Maskarade og Symfoni nr. 2 »De fire temperamenter« med Sjællands Symfoniensemble.",
                        "Helios and Maskarade: a Nielsen gala", "The Helios and Maskarade overtures and Symphony No. 2.",
                        List.of(new Performer("Sjællands Symfoniensemble", PerformerRole.ENSEMBLE), new Performer("Clara Bruun", PerformerRole.CONDUCTOR)),
                        List.of(new Work("Helios-ouverture", "Carl Nielsen"), new Work("Symfoni nr. 2 »De fire temperamenter«", "Carl Nielsen")),
                        List.of("klassisk", "symfoni"), "Koncertsalen", today.plusDays(27), 195)),
                new Show(Kind.EXPERIMENTAL_PERCUSSION, concert("perc-brandt", "da", "Slagtøj uden grænser: Ida Brandt",
                        "Trommer, metalplader og elektronik: Ida Brandt improviserer med lyd, rum og rytme.",
                        "Percussion without limits: Ida Brandt", "Drums, metal sheets and electronics in free improvisation.",
                        List.of(new Performer("Ida Brandt", PerformerRole.ARTIST)),
                        List.of(), List.of("eksperimenterende", "slagtøj", "elektronisk"), "Studie 1", today.plusDays(10), 150)),
                new Show(Kind.EXPERIMENTAL_PERCUSSION, concert("perc-puls", "en", "Resonance Machines",
                        "Kollektiv Puls plays new works for gongs, prepared drums and feedback.",
                        "Resonansmaskiner", "Kollektiv Puls spiller nye værker for gongonger og præparerede trommer.",
                        List.of(new Performer("Kollektiv Puls", PerformerRole.ENSEMBLE)),
                        List.of(), List.of("eksperimenterende", "slagtøj"), "Studie 1", today.plusDays(24), 150)),
                new Show(Kind.DANISH_POP, concert("pop-holm", "da", "Lærke Holm: Sommerfugle i maven",
                        "Dansk pop med store omkvæd: Lærke Holm og band spiller sangene fra det nye album.",
                        "Lærke Holm: Butterflies", "Danish pop with big choruses, songs from the new album.",
                        List.of(new Performer("Lærke Holm", PerformerRole.ARTIST)),
                        List.of(), List.of("pop", "dansk pop"), "Koncertsalen", today.plusDays(12), 395)),
                new Show(Kind.DANISH_POP, concert("pop-nordlys", "da", "Nordlys: Nye danske popsange",
                        "Bandet Nordlys spiller dansk pop om sommernætter, havet og hjem.",
                        "Nordlys: new Danish pop songs", "The band Nordlys play Danish pop about summer nights and the sea.",
                        List.of(new Performer("Nordlys", PerformerRole.BAND)),
                        List.of(), List.of("pop", "dansk pop"), "Koncertsalen", today.plusDays(33), 350)));
    }

    /** Profiling and the web allowed (so profile-stream lists WEB among the guest's channels), nothing else. */
    static GuestConsent consent(Guest guest, Instant at) {
        return GuestConsent.newBuilder().setEventId("consent-" + guest.value()).setOccurredAt(at)
                .setIdentifier(guest.identifier()).setProfilingConsent(true).setWebPersonalizationConsent(true)
                .setPolicyVersion("2026-01").setSource("account-settings").build();
    }

    /** The CRM's record; the web app keeps only the first name and the language of it. */
    static GuestContact contact(Guest guest, Instant at) {
        return GuestContact.newBuilder().setGuestId(guest.id()).setEmail(guest.value() + "@example.org")
                .setFirstName(guest.firstName()).setLastName("Testesen").setPreferredLanguage(guest.language())
                .setUpdatedAt(at).build();
    }

    /**
     * The guest's last days on the site, all about concerts of the guest's kind: each one viewed, the first two
     * favourited, and a search for the first one's headliner.
     */
    static List<ClickEvent> history(Guest guest, List<Show> season, Instant now) {
        List<Show> liked = season.stream().filter(show -> show.kind() == guest.kind()).toList();
        List<ClickEvent> events = new ArrayList<>();
        Instant at = now.minus(Duration.ofDays(3));
        for (int i = 0; i < liked.size(); i++) {
            Show show = liked.get(i);
            events.add(click(guest, events.size(), ClickType.PAGE_VIEW, show.id(), at = at.plus(Duration.ofHours(5))));
            if (i < 2) {
                events.add(click(guest, events.size(), ClickType.FAVOURITE, show.id(), at = at.plus(Duration.ofMinutes(2))));
            }
        }
        String headliner = liked.get(0).concert().getPerformers().get(0).getName();
        events.add(ClickEvent.newBuilder(click(guest, events.size(), ClickType.ARTIST_SEARCH, null, at.plus(Duration.ofHours(1))))
                .setSearchQuery(headliner).setPerformer(headliner).setPageUrl("https://hall.example/search").build());
        return events;
    }

    private static ClickEvent click(Guest guest, int n, ClickType type, String concertId, Instant at) {
        return ClickEvent.newBuilder().setEventId("web-it-" + guest.value() + "-" + n).setOccurredAt(at)
                .setIdentifier(guest.identifier()).setSessionId("session-" + guest.value()).setType(type)
                .setChannel(Channel.WEB).setConcertId(concertId)
                .setPageUrl("https://hall.example/concerts/" + concertId).setDevice(Device.DESKTOP)
                .setLanguage(guest.language()).setSource("web-page-it").build();
    }

    private static Concert concert(String id, String language, String title, String description, String otherTitle,
                                   String otherDescription, List<Performer> performers, List<Work> works, List<String> tags,
                                   String hall, LocalDate day, int fromKroner) {
        Instant start = day.atTime(LocalTime.of(19, 30)).atZone(HALL_ZONE).toInstant();
        List<String> composers = works.stream().map(Work::getComposer).distinct().toList();
        return Concert.newBuilder().setConcertId(id).setTitle(title).setDescription(description).setLanguage(language)
                .setTranslations(List.of(new LocalizedText("da".equals(language) ? "en" : "da", otherTitle, otherDescription)))
                .setPerformers(performers).setComposers(composers).setWorks(works).setTags(tags).setHall(hall)
                .setSeason("2026/27").setStartTime(start).setEndTime(start.plus(Duration.ofHours(2)))
                .setStatus(ConcertStatus.ON_SALE)
                .setPriceRange(new PriceRange(fromKroner * 100L, fromKroner * 250L, "DKK"))
                .setCapacity(1_600).setSeatsAvailable(420).setUrl("https://hall.example/concerts/" + id)
                .setVersion(1L).setUpdatedAt(Instant.now()).build();
    }
}
