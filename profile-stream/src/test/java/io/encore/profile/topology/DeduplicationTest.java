package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.profile.avro.GuestState;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.TicketSaleType;

/**
 * De-duplication by event id: a producer's re-send changes nothing, and an event too old to be checked
 * against the {@code seen-events} window (stream time − 30 days) is dead-lettered rather than risk being
 * counted twice. The window is keyed by event id at its event time, so "the same event" means the same
 * {@code eventId} and the same {@code occurredAt}.
 */
class DeduplicationTest {

    private static final String GUEST = "COOKIE:a";

    private ProfileDriver profile;

    @BeforeEach
    void catalogue() {
        profile = new ProfileDriver();
        profile.pipe(profile.topics.concerts(), "jazz", crooner());
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void shouldPublishNothingAndKeepTheStateWhenAClickIsReSentWithTheSameIdAndTime() {
        // given
        ClickEvent favourite = click("e1", cookie("a"), ClickType.FAVOURITE, "jazz", T0);
        profile.pipe(profile.topics.clickEvents(), GUEST, favourite);
        assertThat(profile.profiles().get(GUEST).getEventCount()).isEqualTo(1);
        GuestState before = profile.guests().get(GUEST);
        // when
        profile.pipe(profile.topics.clickEvents(), GUEST, favourite);
        // then: no guest-profiles record at all, and the stored state is untouched
        assertThat(profile.profiles()).isEmpty();
        assertThat(profile.guests().get(GUEST)).isEqualTo(before);
        assertThat(profile.deadLetters()).isEmpty();
    }

    @Test
    void shouldNotDoubleTheMonetaryValueWhenAPurchaseIsReSent() {
        // given
        var purchase = sale("s1", cookie("a"), TicketSaleType.PURCHASE, "jazz", 50_000, T0);
        profile.pipe(profile.topics.ticketSales(), GUEST, purchase);
        // when: the ticketing system sends it again, then the guest browses
        profile.pipe(profile.topics.ticketSales(), GUEST, purchase);
        view("e2", T0.plusSeconds(60));
        // then
        GuestProfile guest = profile.profiles().get(GUEST);
        assertThat(guest.getRfm().getMonetaryMinor()).isEqualTo(50_000);
        assertThat(guest.getEventCount()).isEqualTo(2);
        assertThat(guest.getPurchasedConcertIds()).containsExactly("jazz");
        assertThat(profile.guests().get(GUEST).getLedgerOrders()).containsExactly(1);
    }

    @Test
    void shouldRecogniseTheReSendWhenTheSecondCopyIsKeyedByAnotherKey() {
        // given
        ClickEvent favourite = click("e1", cookie("a"), ClickType.FAVOURITE, "jazz", T0);
        profile.pipe(profile.topics.clickEvents(), GUEST, favourite);
        profile.profiles();
        // when: the copy arrives keyed by the session; it is routed to the identifier's partition first
        profile.pipe(profile.topics.clickEvents(), "session-42", favourite);
        // then
        assertThat(profile.profiles()).isEmpty();
        assertThat(profile.guests().get(GUEST).getEventCount()).isEqualTo(1);
        assertThat(profile.deadLetters()).isEmpty();
    }

    @Test
    void shouldIgnoreTheEventWhenTheSameEventIdArrivesWithARestampedOccurredAt() {
        // given
        view("e1", T0);
        // when: a tracker re-sends the same event with a new timestamp
        view("e1", T0.plusSeconds(1));
        // then: the id alone decides
        assertThat(profile.profiles().get(GUEST).getEventCount()).isEqualTo(1);
    }

    @Test
    void shouldCountBothWhenTwoSourcesUseTheSameEventId() {
        // given: a click numbered 7 by the tracker
        view("7", T0);
        // when: a consent numbered 7 by the consent platform
        profile.pipe(profile.topics.guestConsents(), GUEST,
                Fixtures.consent("7", Fixtures.cookie(GUEST.substring(GUEST.indexOf(':') + 1)), true, false, T0));
        // then: ids are unique per producer only
        assertThat(profile.profiles().get(GUEST).getEventCount()).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterNamingTheHorizonWhenTheEventIsOlderThanTheDeduplicationWindow() {
        // given: stream time is T0
        view("e1", T0);
        Instant tooOld = T0.minus(Duration.ofDays(31));
        // when
        view("e2", tooOld);
        // then
        List<DeadLetter> letters = profile.deadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getReason()).isEqualTo(
                "event time " + tooOld + " is older than the de-duplication horizon of PT720H");
        assertThat(profile.guests().get(GUEST).getEventCount()).isEqualTo(1);
    }

    @Test
    void shouldCountAnOldEventWhenItIsStillInsideTheDeduplicationWindow() {
        // given
        view("e1", T0);
        // when
        view("e2", T0.minus(Duration.ofDays(29)));
        // then
        assertThat(profile.profiles().get(GUEST).getEventCount()).isEqualTo(2);
        assertThat(profile.deadLetters()).isEmpty();
    }

    @Test
    void shouldApplyAReSentEventWhenItsFirstCopyWasDeadLetteredAfterThePendingHold() {
        // given: the first copy waits for an unknown concert and expires after the hold
        ClickEvent favourite = click("e1", cookie("a"), ClickType.FAVOURITE, "ghost", T0);
        profile.pipe(profile.topics.clickEvents(), GUEST, favourite);
        profile.advanceWallClock(Duration.ofMinutes(61));
        assertThat(profile.deadLetters()).hasSize(1);
        profile.pipe(profile.topics.concerts(), "ghost", concert("ghost", "Percussion lab", "Marilyn Mazur",
                List.of("experimental"), T0.plus(Duration.ofDays(40))));
        // when: the operator replays the dead letter now that the concert exists
        profile.pipe(profile.topics.clickEvents(), GUEST, favourite);
        // then
        GuestProfile guest = profile.profiles().get(GUEST);
        assertThat(guest).isNotNull();
        assertThat(guest.getEventCount()).isEqualTo(1);
        assertThat(guest.getTopConcepts()).extracting(c -> c.getConcept()).contains("marilyn mazur");
    }

    private void view(String eventId, Instant at) {
        profile.pipe(profile.topics.clickEvents(), GUEST, click(eventId, cookie("a"), ClickType.PAGE_VIEW, "jazz", at));
    }
}
