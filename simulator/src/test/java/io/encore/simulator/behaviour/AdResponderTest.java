package io.encore.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.AdInteractionType;
import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.output.OutputTopic;

class AdResponderTest {

    @Test
    void shouldShowTheAdToMatchedMembersWithAdConsentAndCarryTheRecommendationId() {
        // given: every guest with a hashed e-mail is a member of the audience of its best concert
        TestHall hall = new TestHall(31, 3000);
        List<Guest> matched = hall.audience.guests().stream().filter(g -> g.emailSha256() != null).toList();
        ConcertPlan concert = hall.onSaleByAffinity(matched.get(0), true, 1).get(0);
        List<AudienceMember> members = new ArrayList<>();
        for (Guest guest : matched) {
            members.add(new AudienceMember("GUEST_ID:" + guest.guestId(), 0.9, false, List.of(guest.emailIdentifier()),
                    "ads-rec-" + guest.index()));
        }
        ConcertAudience audience = ConcertAudience.newBuilder().setConcertId(concert.concertId()).setMembers(members)
                .setAdded(members).setVersion(1).setGeneratedAt(Instant.parse("2026-08-31T22:00:00Z")).build();

        // when
        hall.world.apply(new Feedback.Audience(concert.concertId(), audience));
        hall.runDays(3);

        // then
        List<AdInteraction> interactions = hall.sink.values(OutputTopic.AD_INTERACTIONS, AdInteraction.class);
        Set<String> consenting = matched.stream().filter(g -> g.consent().ads()).map(g -> "EMAIL_SHA256:" + g.emailSha256())
                .collect(Collectors.toSet());
        assertThat(interactions.stream().filter(i -> i.getType() == AdInteractionType.IMPRESSION).count())
                .isBetween(consenting.size() / 2L, (long) consenting.size());
        assertThat(interactions).allMatch(i -> i.getIdentifier().getType() == IdentifierType.EMAIL_SHA256)
                .allMatch(i -> consenting.contains(GuestKeys.key(i.getIdentifier())))
                .allMatch(i -> i.getConcertId().equals(concert.concertId()))
                .allMatch(i -> i.getRecommendationId().equals("ads-rec-"
                        + hall.audience.byIdentifier(GuestKeys.key(i.getIdentifier())).orElseThrow().index()));
        List<String> clicked = interactions.stream().filter(i -> i.getType() == AdInteractionType.CLICK)
                .map(AdInteraction::getRecommendationId).toList();
        assertThat(clicked).isNotEmpty();
        assertThat(hall.sink.values(OutputTopic.CLICK_EVENTS, ClickEvent.class).stream()
                .filter(c -> c.getType() == ClickType.PAGE_VIEW && c.getRecommendationId() != null
                        && c.getRecommendationId().startsWith("ads-rec-")).count())
                .isEqualTo(clicked.size());
        assertThat(hall.world.stats().snapshot().adsWithoutConsent()).isEqualTo(matched.size() - consenting.size());
    }

    @Test
    void shouldReachNobodyWithoutMatchKeysAndIgnoreTombstones() {
        // given
        TestHall hall = new TestHall(31, 500);
        Guest guest = hall.audience.guests().stream().filter(g -> g.emailSha256() != null && g.consent().ads()).findFirst().orElseThrow();
        ConcertPlan concert = hall.onSaleByAffinity(guest, true, 1).get(0);
        AudienceMember unmatched = new AudienceMember("GUEST_ID:" + guest.guestId(), 0.9, false, List.of(), "r");
        ConcertAudience audience = ConcertAudience.newBuilder().setConcertId(concert.concertId()).setMembers(List.of(unmatched))
                .setVersion(1).setGeneratedAt(Instant.parse("2026-08-31T22:00:00Z")).build();

        // when
        hall.world.apply(new Feedback.Audience(concert.concertId(), audience));
        hall.world.apply(new Feedback.Audience(concert.concertId(), null));
        hall.runDays(3);

        // then
        assertThat(hall.sink.values(OutputTopic.AD_INTERACTIONS, AdInteraction.class)).isEmpty();
    }
}
