package io.encore.simulator.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.encore.schemas.avro.BounceType;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.random.Draw;

/**
 * The guest's inbox and the e-mail service's webhook: every e-mail Encore sends is delivered (rarely bounced),
 * perhaps opened hours later — more likely when its first concerts fit — and its concerts clicked by their
 * hidden affinity; a click lands on the concert's page and may end in a purchase with the item's
 * recommendation id. Irrelevant mail makes guests unsubscribe. Responses exist only for e-mails Encore sent,
 * under the {@code guestId} it sent them to.
 */
final class EmailResponder {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private final Emitter out;
    private final Audience audience;
    private final Programme programme;
    private final GuestState[] states;
    private final Agenda agenda;
    private final WebVisits web;
    private final LoopStats stats;

    EmailResponder(Emitter out, Audience audience, Programme programme, GuestState[] states, Agenda agenda, WebVisits web,
                   LoopStats stats) {
        this.out = out;
        this.audience = audience;
        this.programme = programme;
        this.states = states;
        this.agenda = agenda;
        this.web = web;
        this.stats = stats;
    }

    void onSend(EmailSend send) {
        Optional<Guest> recipient = audience.byIdentifier(send.getGuestId());
        Optional<GuestIdentifier> identifier = GuestKeys.parse(send.getGuestId());
        if (recipient.isEmpty() || identifier.isEmpty()) {
            stats.unknownGuest();
            return;
        }
        GuestState state = states[recipient.get().index()];
        long now = out.now();
        boolean consented = state.takesEmail();
        stats.emailReceived(consented);
        Reply reply = new Reply(send, state, identifier.get());
        if (!consented) {
            // Mail the guest never agreed to: ignored, or reported as spam.
            if (Draw.chance(state.random, 0.3)) {
                agenda.at(now + HOUR + state.random.nextInt((int) (12 * HOUR)), () -> reply.emit(EmailResponseType.COMPLAINT, out.now(), null));
            }
            return;
        }
        if (Draw.chance(state.random, 0.004)) {
            reply.emit(EmailResponseType.BOUNCE, now + MINUTE, null);
            return;
        }
        reply.emit(EmailResponseType.DELIVERED, now + MINUTE, null);
        List<ConcertPlan> items = items(send);
        double relevance = relevance(state.guest, items);
        if (Draw.chance(state.random, Odds.emailOpen(state.guest, relevance))) {
            long openAt = now + (long) Math.min(72 * HOUR, Draw.logNormal(state.random, 3 * HOUR, 1.0));
            agenda.at(openAt, () -> open(reply, items, relevance));
        }
    }

    private void open(Reply reply, List<ConcertPlan> items, double relevance) {
        GuestState state = reply.state;
        long at = out.now();
        stats.emailOpen();
        reply.emit(EmailResponseType.OPEN, at, null);
        for (int rank = 0; rank < reply.send.getItems().size(); rank++) {
            EmailItem item = reply.send.getItems().get(rank);
            ConcertPlan concert = items.get(rank);
            if (concert == null || !Draw.chance(state.random, Odds.emailClick(state.guest, state.guest.affinity(concert), rank + 1))) {
                continue;
            }
            at += MINUTE + state.random.nextInt((int) (5 * MINUTE));
            stats.emailClick();
            reply.emit(EmailResponseType.CLICK, at, item);
            Session landing = new Session(out, state, at);
            landing.view(concert.url(), "https://track.hall.example/c/" + reply.send.getSendId(), concert.concertId(), item.getRecommendationId());
            if (web.onConcertPage(landing, concert, item.getRecommendationId(), state.guest.affinity(concert))) {
                stats.emailPurchase();
            }
        }
        if (Draw.chance(state.random, Odds.unsubscribe(relevance))) {
            stats.unsubscribe();
            state.unsubscribe();
            reply.emit(EmailResponseType.UNSUBSCRIBE, at + MINUTE, null);
        }
    }

    private List<ConcertPlan> items(EmailSend send) {
        List<ConcertPlan> items = new ArrayList<>();
        for (EmailItem item : send.getItems()) {
            items.add(programme.byId(item.getConcertId()).orElse(null));
        }
        return items;
    }

    /** How relevant the mail looks from its subject and first lines: the best fit among its first two items. */
    private static double relevance(Guest guest, List<ConcertPlan> items) {
        double best = 0;
        for (int i = 0; i < Math.min(2, items.size()); i++) {
            if (items.get(i) != null) {
                best = Math.max(best, guest.affinity(items.get(i)));
            }
        }
        return best;
    }

    /** The responses to one e-mail, under the identifier it was sent to. */
    private final class Reply {

        final EmailSend send;
        final GuestState state;
        final GuestIdentifier identifier;

        Reply(EmailSend send, GuestState state, GuestIdentifier identifier) {
            this.send = send;
            this.state = state;
            this.identifier = identifier;
        }

        void emit(EmailResponseType type, long at, EmailItem item) {
            EmailResponse response = EmailResponse.newBuilder()
                    .setEventId(Ids.event(out.seed(), state.guest.index(), state.nextEvent())).setOccurredAt(out.stamp(at))
                    .setIdentifier(identifier).setType(type).setSendId(send.getSendId()).setCampaignId(send.getCampaignId())
                    .setConcertId(item == null ? null : item.getConcertId())
                    .setRecommendationId(item == null ? null : item.getRecommendationId())
                    .setLinkUrl(item == null ? null : item.getUrl())
                    .setBounceType(type == EmailResponseType.BOUNCE ? BounceType.HARD : null)
                    .setDevice(Draw.chance(state.random, 0.6) ? Device.MOBILE : Device.DESKTOP)
                    .setSource(ReferenceData.SOURCE).build();
            out.emit(OutputTopic.EMAIL_RESPONSES, GuestKeys.key(identifier), response);
        }
    }
}
