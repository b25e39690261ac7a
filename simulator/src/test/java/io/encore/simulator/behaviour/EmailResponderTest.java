package io.encore.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.output.OutputTopic;

class EmailResponderTest {

    private static final long SEED = 21;

    /** One run: an e-mail to every registered guest, of its best or its worst concerts. */
    private record Run(TestHall hall, Map<String, EmailSend> sent, List<EmailResponse> responses) {

        long count(EmailResponseType type) {
            return responses.stream().filter(r -> r.getType() == type).count();
        }
    }

    private static Run mail(boolean bestFit, boolean consenting) {
        TestHall hall = new TestHall(SEED, 3000);
        Map<String, EmailSend> sent = new HashMap<>();
        for (Guest guest : hall.audience.guests()) {
            if (guest.kind() == GuestKind.REGISTERED && guest.consent().email() == consenting) {
                EmailSend send = send(guest, hall.onSaleByAffinity(guest, bestFit, 3));
                sent.put(send.getSendId(), send);
                hall.world.apply(new Feedback.EmailSent(send));
            }
        }
        hall.runDays(5);
        return new Run(hall, sent, hall.sink.values(OutputTopic.EMAIL_RESPONSES, EmailResponse.class));
    }

    private static EmailSend send(Guest guest, List<ConcertPlan> concerts) {
        String guestId = "GUEST_ID:" + guest.guestId();
        List<EmailItem> items = concerts.stream().map(c -> new EmailItem(c.concertId(), c.title().da(), c.startTime(),
                "https://track.hall.example/c/send-" + guest.index() + "/" + c.concertId(), null, null, "mail-rec-" + guest.index())).toList();
        return EmailSend.newBuilder().setSendId("send-" + guest.index()).setCampaignId("newsletter-1").setGuestId(guestId)
                .setLanguage("da").setToAddress(guest.person().email()).setSubject("Udvalgt til dig").setItems(items)
                .setCreatedAt(Instant.parse("2026-08-31T22:00:00Z")).build();
    }

    @Test
    void shouldDeliverOpenAndClickUnderTheSendsGuestIdCarryingSendAndRecommendationIds() {
        // when
        Run run = mail(true, true);

        // then
        assertThat(run.count(EmailResponseType.DELIVERED)).isGreaterThan(run.sent().size() * 95L / 100);
        assertThat(run.count(EmailResponseType.OPEN)).isGreaterThan(run.sent().size() / 5L);
        assertThat(run.count(EmailResponseType.CLICK)).isGreaterThan(100);
        for (EmailResponse response : run.responses()) {
            EmailSend send = run.sent().get(response.getSendId());
            assertThat(send).as("a response to an e-mail that was sent").isNotNull();
            assertThat(GuestKeys.key(response.getIdentifier())).isEqualTo(send.getGuestId());
            assertThat(response.getCampaignId()).isEqualTo("newsletter-1");
            if (response.getType() == EmailResponseType.CLICK) {
                assertThat(response.getRecommendationId()).isEqualTo(send.getItems().get(0).getRecommendationId());
                assertThat(send.getItems()).anyMatch(i -> i.getConcertId().equals(response.getConcertId()) && i.getUrl().equals(response.getLinkUrl()));
            } else {
                assertThat(response.getRecommendationId()).isNull();
            }
        }
    }

    @Test
    void shouldOpenAndClickMoreOfRelevantMailAndUnsubscribeMoreFromIrrelevantMail() {
        // when: the same guests and seed, the best or the worst concerts in their mail
        Run best = mail(true, true);
        Run worst = mail(false, true);

        // then
        assertThat(best.count(EmailResponseType.OPEN)).isGreaterThan(worst.count(EmailResponseType.OPEN) * 13 / 10);
        assertThat(best.count(EmailResponseType.CLICK)).isGreaterThan(5 * worst.count(EmailResponseType.CLICK) + 50);
        assertThat(worst.count(EmailResponseType.UNSUBSCRIBE)).isGreaterThan(best.count(EmailResponseType.UNSUBSCRIBE));
        assertThat(best.hall().world.stats().snapshot().emailPurchases()).isPositive();
    }

    @Test
    void shouldCountMailToGuestsWhoRefusedEmailAndAtMostComplain() {
        // when
        Run run = mail(true, false);

        // then
        assertThat(run.sent()).isNotEmpty();
        assertThat(run.hall().world.stats().snapshot().emailsWithoutConsent()).isEqualTo(run.sent().size());
        assertThat(run.responses()).isNotEmpty().allMatch(r -> r.getType() == EmailResponseType.COMPLAINT);
    }

    @Test
    void shouldIgnoreMailForGuestsItDoesNotKnow() {
        // given
        TestHall hall = new TestHall(SEED, 200);
        Guest stranger = new TestHall(SEED + 1, 300).audience.guest(250);
        EmailSend send = EmailSend.newBuilder(send(stranger, List.of())).setGuestId("GUEST_ID:g-999999").build();

        // when
        hall.world.apply(new Feedback.EmailSent(send));
        hall.runDays(3);

        // then
        assertThat(hall.sink.values(OutputTopic.EMAIL_RESPONSES, EmailResponse.class)).isEmpty();
        assertThat(hall.world.stats().snapshot().unknownGuests()).isEqualTo(1);
    }
}
