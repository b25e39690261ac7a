package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.card;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.guest;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.link;
import static io.encore.profile.topology.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.profile.avro.GuestState;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.TicketSaleType;

class IdentityStitchingTest {

    private ProfileDriver profile;

    @BeforeEach
    void catalogue() {
        profile = new ProfileDriver();
        profile.pipe(profile.topics.concerts(), "jazz", crooner());
        profile.pipe(profile.topics.concerts(), "drums", concert("drums", "Percussion lab", "Marilyn Mazur",
                List.of("experimental"), T0.plus(Duration.ofDays(40))));
    }

    @AfterEach
    void close() {
        assertThat(profile.deadLetters()).isEmpty();
        profile.close();
    }

    @Test
    void shouldMergeTheAnonymousProfileIntoTheGuestWhenTheCookieLogsIn() {
        // given: the visitor browses anonymously, the known guest has bought before
        view("e1", cookie("c-1"), "jazz", T0);
        view("e2", cookie("c-1"), "jazz", T0.plusSeconds(60));
        profile.pipe(profile.topics.ticketSales(), key(guest("g-1")),
                sale("s1", guest("g-1"), TicketSaleType.PURCHASE, "drums", 50_000, T0.minus(Duration.ofDays(20))));
        // when: the cookie logs in, then keeps browsing
        profile.pipe(profile.topics.identityLinks(), key(cookie("c-1")), link("l1", cookie("c-1"), guest("g-1"), T0.plusSeconds(120)));
        view("e3", cookie("c-1"), "jazz", T0.plusSeconds(180));
        // then: one profile, under the guest id, with every event before and after the link
        Map<String, GuestProfile> profiles = profile.profiles();
        assertThat(profiles).doesNotContainKey("COOKIE:c-1");
        GuestProfile merged = profiles.get("GUEST_ID:g-1");
        assertThat(merged.getEventCount()).isEqualTo(4);
        assertThat(merged.getKnown()).isTrue();
        assertThat(merged.getAliases()).containsExactly(cookie("c-1"));
        assertThat(merged.getPurchasedConcertIds()).containsExactly("drums");
        assertThat(merged.getTopConcepts()).extracting(c -> c.getConcept()).contains("gregory porter", "marilyn mazur");
        assertThat(profile.guests().get("COOKIE:c-1").getRedirectTo()).isEqualTo("GUEST_ID:g-1");
    }

    @Test
    void shouldFollowAChainFromCookieToCardToGuestWhateverTheOrderOfTheLinks() {
        // given: the card is linked to the guest before the cookie is linked to the card
        profile.pipe(profile.topics.identityLinks(), key(card("777")), link("l1", card("777"), guest("g-2"), T0));
        profile.pipe(profile.topics.identityLinks(), key(cookie("c-2")), link("l2", cookie("c-2"), card("777"), T0.plusSeconds(1)));
        // when
        view("e1", cookie("c-2"), "jazz", T0.plusSeconds(10));
        view("e2", card("777"), "drums", T0.plusSeconds(20));
        // then
        GuestProfile merged = profile.profiles().get("GUEST_ID:g-2");
        assertThat(merged.getEventCount()).isEqualTo(2);
        assertThat(merged.getAliases()).containsExactlyInAnyOrder(card("777"), cookie("c-2"));
        assertThat(profile.guests().get("COOKIE:c-2").getRedirectTo()).isEqualTo("GUEST_ID:g-2");
    }

    @Test
    void shouldKeepHistoryWithTheFirstGuestAndMoveLaterEventsWhenACookieIsLinkedToASecondGuest() {
        // given: a shared browser, first used by guest A
        view("e1", cookie("shared"), "jazz", T0);
        profile.pipe(profile.topics.identityLinks(), key(cookie("shared")), link("l1", cookie("shared"), guest("a"), T0.plusSeconds(1)));
        // when: guest B logs in on the same browser, then browses
        profile.pipe(profile.topics.identityLinks(), key(cookie("shared")), link("l2", cookie("shared"), guest("b"), T0.plusSeconds(2)));
        view("e2", cookie("shared"), "drums", T0.plusSeconds(3));
        // then
        Map<String, GuestProfile> profiles = profile.profiles();
        assertThat(profiles.get("GUEST_ID:a").getEventCount()).isEqualTo(1);
        assertThat(profiles.get("GUEST_ID:a").getAliases()).isEmpty();
        assertThat(profiles.get("GUEST_ID:b").getEventCount()).isEqualTo(1);
        assertThat(profiles.get("GUEST_ID:b").getAliases()).containsExactly(cookie("shared"));
    }

    @Test
    void shouldTreatALinkWrittenInEitherDirectionAlike() {
        // given
        view("e1", cookie("c-3"), "jazz", T0);
        // when: the link names the guest first
        profile.pipe(profile.topics.identityLinks(), key(guest("g-3")), link("l1", guest("g-3"), cookie("c-3"), T0.plusSeconds(1)));
        // then
        GuestState redirect = profile.guests().get("COOKIE:c-3");
        assertThat(redirect.getRedirectTo()).isEqualTo("GUEST_ID:g-3");
        assertThat(profile.profiles().get("GUEST_ID:g-3").getEventCount()).isEqualTo(1);
    }

    private void view(String eventId, GuestIdentifier who, String concertId, Instant at) {
        profile.pipe(profile.topics.clickEvents(), key(who), click(eventId, who, ClickType.PAGE_VIEW, concertId, at));
    }
}
