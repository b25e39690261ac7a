package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.ad;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.consent;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.sale;
import static io.encore.profile.topology.Fixtures.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.encore.profile.config.ProfileSettings;
import io.encore.schemas.avro.AdInteractionType;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.avro.WeightedConcept;

/**
 * The decayed taste through the topology: order independence, signals that pull toward and push away from a
 * concert's concepts, searches without a concert, profiling consent and the half-life.
 */
class TasteTopologyTest {

    private static final GuestIdentifier FAN = cookie("fan");
    private static final GuestIdentifier OTHER = cookie("other");

    private ProfileDriver profile;
    private int nextEvent;

    @AfterEach
    void close() {
        if (profile != null) {
            profile.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2026})
    void shouldPublishTheSameProfilesWhenTheSameEventsArriveInAnotherOrder(long seed) {
        // given: the history in time order
        Map<String, GuestProfile> inOrder = replay(history());
        // when: the same events shuffled, into a fresh driver
        List<Consumer<ProfileDriver>> shuffled = new ArrayList<>(history());
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, GuestProfile> reordered = replay(shuffled);
        // then
        assertThat(reordered.keySet()).containsExactlyInAnyOrderElementsOf(inOrder.keySet());
        inOrder.forEach((id, expected) -> assertSameProfile(reordered.get(id), expected));
    }

    @Test
    void shouldLeaveTheConcertOutOfPurchasedWhenTheRefundArrivesBeforeItsPurchase() {
        // given
        startWithDistinctConcerts(T0);
        sell(TicketSaleType.REFUND, "x", 40_000, T0);
        // when
        sell(TicketSaleType.PURCHASE, "x", 40_000, T0.minus(Duration.ofHours(2)));
        // then
        assertThat(fan().getPurchasedConcertIds()).isEmpty();
    }

    @Test
    void shouldLowerOnlyThatConcertsConceptsWhenTheGuestIsNotInterested() {
        // given: a liked concert and a viewed one that share no concept
        Instant at = T0.minus(Duration.ofHours(1));
        startWithDistinctConcerts(T0);
        clickOn(ClickType.FAVOURITE, "a", at);
        clickOn(ClickType.PAGE_VIEW, "x", at);
        GuestProfile before = fan();
        assertThat(names(before.getTopConcepts())).contains("xavier xu");
        // when: same event time, so nothing decays in between
        clickOn(ClickType.NOT_INTERESTED, "x", at);
        // then
        GuestProfile after = fan();
        assertThat(names(after.getNegativeConcepts())).containsExactlyInAnyOrder("xavier xu", "xenon", "xylo", "xhall");
        assertThat(after.getTopConcepts()).isEqualTo(conceptsOf(before.getTopConcepts(), "anna able", "ambient", "alpha", "aula"));
    }

    @Test
    void shouldPublishTheAversionAsANonNegativeStrengthWhenTheGuestTurnedAway() {
        // given
        startWithDistinctConcerts(T0);
        clickOn(ClickType.FAVOURITE, "a", T0);
        // when
        clickOn(ClickType.NOT_INTERESTED, "x", T0);
        // then
        GuestProfile guest = fan();
        assertThat(guest.getNegativeConcepts()).isNotEmpty()
                .allSatisfy(concept -> assertThat(concept.getWeight()).isPositive());
    }

    @Test
    void shouldPushAwayFromTheConcertWhenItsAdIsHidden() {
        // given
        startWithDistinctConcerts(T0);
        clickOn(ClickType.FAVOURITE, "a", T0);
        clickOn(ClickType.PAGE_VIEW, "x", T0);
        // when
        profile.pipe(profile.topics.adInteractions(), key(FAN), ad("h1", FAN, AdInteractionType.HIDE, "x", T0));
        // then
        GuestProfile guest = fan();
        assertThat(names(guest.getNegativeConcepts())).contains("xavier xu");
        assertThat(names(guest.getTopConcepts())).contains("anna able").doesNotContain("xavier xu");
        assertThat(guest.getChannelResponsiveness()).filteredOn(response -> response.getChannel() == Channel.ADS)
                .singleElement().satisfies(ads -> assertThat(ads.getNegatives()).isEqualTo(1));
    }

    @Test
    void shouldPushAwayFromTheConcertWhenItsPurchaseIsRefunded() {
        // given: bought ten days ago
        startWithDistinctConcerts(T0);
        clickOn(ClickType.FAVOURITE, "a", T0);
        sell(TicketSaleType.PURCHASE, "x", 40_000, T0.minus(Duration.ofDays(10)));
        assertThat(names(fan().getTopConcepts())).contains("xavier xu");
        // when: refunded now; the refund outweighs the decayed purchase
        sell(TicketSaleType.REFUND, "x", 40_000, T0);
        // then
        GuestProfile guest = fan();
        assertThat(names(guest.getNegativeConcepts())).contains("xavier xu", "xenon");
        assertThat(names(guest.getTopConcepts())).contains("anna able").doesNotContain("xavier xu");
        assertThat(guest.getPurchasedConcertIds()).isEmpty();
    }

    @Test
    void shouldLearnAPerformerConceptWhenAnArtistSearchNamesNoConcert() {
        // given
        startWithDistinctConcerts(T0);
        // when
        profile.pipe(profile.topics.clickEvents(), key(FAN), search("q1", FAN, "  Gregory   Porter ", T0));
        // then: the whole normalized name, at the search weight (1.5), as a performer
        GuestProfile guest = fan();
        WeightedConcept porter = new WeightedConcept("gregory porter", ConceptKind.PERFORMER, 1.5f);
        assertThat(guest.getTopConcepts()).containsExactly(porter);
        assertThat(guest.getPerformerAffinities()).containsExactly(porter);
        assertThat(guest.getLearnedEventCount()).isEqualTo(1);
        assertThat(guest.getTasteVector()).filteredOn(v -> v != 0f).singleElement()
                .satisfies(v -> assertThat(Math.abs(v)).isEqualTo(1.5f));
    }

    @Test
    void shouldLearnTheSearchQueryAsAPerformerWhenTheSearchNamesNoPerformer() {
        // given: free text typed into the search box, no performer picked
        startWithDistinctConcerts(T0);
        ClickEvent query = ClickEvent.newBuilder(search("q1", FAN, null, T0)).setSearchQuery("Christmas concerts").build();
        // when
        profile.pipe(profile.topics.clickEvents(), key(FAN), query);
        // then: the query text becomes a performer concept
        assertThat(fan().getTopConcepts())
                .containsExactly(new WeightedConcept("christmas concerts", ConceptKind.PERFORMER, 1.5f));
    }

    @Test
    void shouldCountButLearnNothingWhenTheGuestRefusedProfiling() {
        // given
        startWithDistinctConcerts(T0);
        profile.pipe(profile.topics.guestConsents(), key(FAN), consent("c1", FAN, false, false, T0.minusSeconds(120)));
        // when
        clickOn(ClickType.FAVOURITE, "a", T0.minusSeconds(60));
        clickOn(ClickType.PAGE_VIEW, "x", T0);
        // then: the consent and both clicks are counted, the clicks ignored
        GuestProfile guest = fan();
        assertThat(guest.getProfilingAllowed()).isFalse();
        assertThat(guest.getEventCount()).isEqualTo(3);
        assertThat(guest.getIgnoredEventCount()).isEqualTo(2);
        assertThat(guest.getLearnedEventCount()).isZero();
        assertThat(guest.getTopConcepts()).isEmpty();
        assertThat(guest.getNegativeConcepts()).isEmpty();
        assertThat(guest.getTasteVector()).containsOnly(0f);
        assertThat(guest.getChannelResponsiveness()).isEmpty();
    }

    @Test
    void shouldForgetTheLearnedTasteWhenProfilingConsentIsWithdrawn() {
        // given: a taste learned under the default (profiling allowed without a consent record)
        startWithDistinctConcerts(T0);
        clickOn(ClickType.FAVOURITE, "a", T0.minusSeconds(120));
        clickOn(ClickType.NOT_INTERESTED, "x", T0.minusSeconds(60));
        assertThat(fan().getTopConcepts()).isNotEmpty();
        // when
        profile.pipe(profile.topics.guestConsents(), key(FAN), consent("c1", FAN, false, false, T0));
        // then: discarded, not merely hidden; the event count stays, the learned count restarts
        GuestProfile guest = fan();
        assertThat(guest.getProfilingAllowed()).isFalse();
        assertThat(guest.getTopConcepts()).isEmpty();
        assertThat(guest.getNegativeConcepts()).isEmpty();
        assertThat(guest.getPerformerAffinities()).isEmpty();
        assertThat(guest.getTasteVector()).containsOnly(0f);
        assertThat(guest.getEventCount()).isEqualTo(3);
        assertThat(guest.getLearnedEventCount()).isZero();
        assertThat(profile.guests().get(key(FAN)).getAnchorAt()).isZero();
    }

    @Test
    void shouldWeighAViewHalfAsMuchWhenItIsOneHalfLifeOlderThanAnEqualView() {
        // given: two concerts of the same shape, sharing no concept; the first viewed 90 days ago
        Instant first = Instant.parse("2026-01-10T10:00:00Z");
        Instant halfLifeLater = first.plus(ProfileSettings.defaults().halfLife());
        startWithDistinctConcerts(first);
        clickOn(ClickType.PAGE_VIEW, "a", first);
        profile.advanceWallClockTo(halfLifeLater);
        // when
        clickOn(ClickType.PAGE_VIEW, "b", halfLifeLater);
        // then
        GuestProfile guest = fan();
        assertThat((double) weight(guest.getTopConcepts(), "anna able"))
                .isCloseTo(0.5 * weight(guest.getTopConcepts(), "bea bright"), within(1e-6 * weight(guest.getTopConcepts(), "bea bright")));
        assertThat((double) weight(guest.getTopConcepts(), "ambient"))
                .isCloseTo(0.5 * weight(guest.getTopConcepts(), "baroque"), within(1e-6 * weight(guest.getTopConcepts(), "baroque")));
    }

    /** Two guests, four concerts, every kind of signal, all within 20 days (inside the de-duplication window). */
    private List<Consumer<ProfileDriver>> history() {
        List<Consumer<ProfileDriver>> events = new ArrayList<>();
        events.add(clickEvent("h1", FAN, ClickType.PAGE_VIEW, "jazz", null, days(20)));
        events.add(clickEvent("h2", FAN, ClickType.FAVOURITE, "jazz", null, days(15)));
        events.add(saleEvent("h3", FAN, TicketSaleType.PURCHASE, "jazz", 50_000, days(14)));
        events.add(clickEvent("h4", FAN, ClickType.PAGE_VIEW, "drums", null, days(10)));
        events.add(clickEvent("h5", FAN, ClickType.NOT_INTERESTED, "drums", null, days(9)));
        events.add(p -> p.pipe(p.topics.clickEvents(), key(FAN), search("h6", FAN, "Anne Sofie von Otter", days(8))));
        events.add(p -> p.pipe(p.topics.adInteractions(), key(FAN), ad("h7", FAN, AdInteractionType.CLICK, "opera", days(5))));
        events.add(clickEvent("h8", FAN, ClickType.SHARE, "folk", null, days(3)));
        events.add(saleEvent("h9", FAN, TicketSaleType.PURCHASE, "folk", 30_000, days(2)));
        events.add(clickEvent("h10", FAN, ClickType.PAGE_VIEW, "opera", "rec-1", days(1)));
        events.add(p -> p.pipe(p.topics.adInteractions(), key(FAN), ad("h11", FAN, AdInteractionType.HIDE, "drums", T0.minus(Duration.ofHours(12)))));
        events.add(clickEvent("o1", OTHER, ClickType.PAGE_VIEW, "folk", null, days(6)));
        events.add(clickEvent("o2", OTHER, ClickType.FAVOURITE, "opera", null, days(4)));
        events.add(p -> p.pipe(p.topics.adInteractions(), key(OTHER), ad("o3", OTHER, AdInteractionType.IMPRESSION, "jazz", days(7))));
        return events;
    }

    private Map<String, GuestProfile> replay(List<Consumer<ProfileDriver>> events) {
        try (ProfileDriver driver = new ProfileDriver()) {
            driver.pipe(driver.topics.concerts(), "jazz", crooner());
            driver.pipe(driver.topics.concerts(), "drums", concert("drums", "Percussion lab", "Marilyn Mazur",
                    List.of("experimental"), T0.plus(Duration.ofDays(40))));
            driver.pipe(driver.topics.concerts(), "opera", concert("opera", "Carmen in concert", "Elina Garanca",
                    List.of("opera", "mezzo"), T0.plus(Duration.ofDays(50))));
            driver.pipe(driver.topics.concerts(), "folk", concert("folk", "Nordic songs", "Valravn",
                    List.of("folk"), T0.plus(Duration.ofDays(60))));
            driver.advanceWallClock(Duration.ofSeconds(11)); // the catalogue re-weighting settles
            events.forEach(event -> event.accept(driver));
            assertThat(driver.deadLetters()).isEmpty();
            return driver.profiles();
        }
    }

    private static void assertSameProfile(GuestProfile actual, GuestProfile expected) {
        String id = expected.getGuestId();
        assertSameConcepts(actual.getTopConcepts(), expected.getTopConcepts(), id + " topConcepts");
        assertSameConcepts(actual.getNegativeConcepts(), expected.getNegativeConcepts(), id + " negativeConcepts");
        assertThat(actual.getTasteVector()).as(id + " tasteVector").hasSameSizeAs(expected.getTasteVector());
        for (int i = 0; i < expected.getTasteVector().size(); i++) {
            float e = expected.getTasteVector().get(i);
            assertThat(actual.getTasteVector().get(i)).as(id + " tasteVector[" + i + "]")
                    .isCloseTo(e, within(1e-5f * Math.max(1f, Math.abs(e))));
        }
        assertThat(actual.getEventCount()).as(id + " eventCount").isEqualTo(expected.getEventCount());
        assertThat(actual.getLearnedEventCount()).as(id + " learned").isEqualTo(expected.getLearnedEventCount());
        assertThat(actual.getPurchasedConcertIds()).as(id + " purchased (ordered by arrival)")
                .containsExactlyInAnyOrderElementsOf(expected.getPurchasedConcertIds());
        assertThat(actual.getSegment()).as(id + " segment").isEqualTo(expected.getSegment());
        assertSameRfm(actual.getRfm(), expected.getRfm(), id);
        assertThat(actual.getFirstSeenAt()).as(id + " firstSeenAt").isEqualTo(expected.getFirstSeenAt());
        assertThat(actual.getLastEventAt()).as(id + " lastEventAt").isEqualTo(expected.getLastEventAt());
        assertThat(actual.getHabits()).as(id + " habits").isEqualTo(expected.getHabits());
        assertThat(actual.getChannelResponsiveness()).as(id + " channels").isEqualTo(expected.getChannelResponsiveness());
        assertThat(actual.getVersion()).as(id + " version").isEqualTo(expected.getVersion());
    }

    private static void assertSameConcepts(List<WeightedConcept> actual, List<WeightedConcept> expected, String what) {
        assertThat(actual).as(what + " names in order")
                .extracting(c -> c.getKind() + ":" + c.getConcept())
                .containsExactlyElementsOf(expected.stream().map(c -> c.getKind() + ":" + c.getConcept()).toList());
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.get(i).getWeight();
            assertThat(actual.get(i).getWeight()).as(what + " " + expected.get(i).getConcept())
                    .isCloseTo(e, within(1e-5f * Math.abs(e)));
        }
    }

    private static void assertSameRfm(RfmValue actual, RfmValue expected, String id) {
        assertThat(actual.getRecencyDays()).as(id + " recency").isEqualTo(expected.getRecencyDays());
        assertThat(actual.getFrequencyPerMonth()).as(id + " frequency").isEqualTo(expected.getFrequencyPerMonth());
        assertThat(actual.getMonetaryMinor()).as(id + " monetary").isEqualTo(expected.getMonetaryMinor());
        assertThat(actual.getTenureDays()).as(id + " tenure").isEqualTo(expected.getTenureDays());
        assertThat(actual.getValueGroup()).as(id + " value group").isEqualTo(expected.getValueGroup());
        assertThat(actual.getAsOf()).as(id + " asOf").isEqualTo(expected.getAsOf());
    }

    /**
     * Three concerts that share no concept (own performer, tag, hall, one-word title, no description), so a
     * signal on one moves nothing of another; "a" and "b" have the same shape.
     */
    private void startWithDistinctConcerts(Instant wallClock) {
        profile = new ProfileDriver(ProfileSettings.defaults(), wallClock);
        pipeConcert(distinct("a", "Alpha", "Anna Able", "ambient", "Aula"));
        pipeConcert(distinct("b", "Bravo", "Bea Bright", "baroque", "Bhall"));
        pipeConcert(distinct("x", "Xylo", "Xavier Xu", "xenon", "Xhall"));
    }

    private static Concert distinct(String id, String title, String performer, String tag, String hall) {
        return Concert.newBuilder(concert(id, title, performer, List.of(tag), T0.plus(Duration.ofDays(200))))
                .setDescription(null).setHall(hall).build();
    }

    private void pipeConcert(Concert concert) {
        profile.pipe(profile.topics.concerts(), concert.getConcertId(), concert);
    }

    private void clickOn(ClickType type, String concertId, Instant at) {
        clickEvent("c" + nextEvent++, FAN, type, concertId, null, at).accept(profile);
    }

    private void sell(TicketSaleType type, String concertId, long amount, Instant at) {
        saleEvent("s" + nextEvent++, FAN, type, concertId, amount, at).accept(profile);
    }

    private GuestProfile fan() {
        return profile.profiles().get(key(FAN));
    }

    private static Consumer<ProfileDriver> clickEvent(String eventId, GuestIdentifier who, ClickType type,
                                                      String concertId, String recommendationId, Instant at) {
        ClickEvent event = ClickEvent.newBuilder(click(eventId, who, type, concertId, at))
                .setRecommendationId(recommendationId).build();
        return p -> p.pipe(p.topics.clickEvents(), key(who), event);
    }

    private static Consumer<ProfileDriver> saleEvent(String eventId, GuestIdentifier who, TicketSaleType type,
                                                     String concertId, long amount, Instant at) {
        // One order per guest and concert here, so a refund names the order of the purchase it returns.
        TicketSale sale = TicketSale.newBuilder(sale(eventId, who, type, concertId, amount, at))
                .setOrderId("o-" + who.getValue() + "-" + concertId).build();
        return p -> p.pipe(p.topics.ticketSales(), key(who), sale);
    }

    private static Instant days(int before) {
        return T0.minus(Duration.ofDays(before));
    }

    private static List<String> names(List<WeightedConcept> concepts) {
        return concepts.stream().map(WeightedConcept::getConcept).toList();
    }

    private static float weight(List<WeightedConcept> concepts, String name) {
        return concepts.stream().filter(c -> c.getConcept().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + names(concepts))).getWeight();
    }

    private static List<WeightedConcept> conceptsOf(List<WeightedConcept> concepts, String... names) {
        List<String> wanted = List.of(names);
        return concepts.stream().filter(c -> wanted.contains(c.getConcept())).toList();
    }
}
