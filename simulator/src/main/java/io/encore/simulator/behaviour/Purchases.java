package io.encore.simulator.behaviour;

import java.time.Instant;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.random.Draw;

/**
 * Buying and refunding tickets. A web purchase needs an account (a prospect signs up on the spot), is seen
 * under the guest id and carries the recommendation id kept in the session; box-office and phone sales are
 * seen under the loyalty card. Seats come out of the {@link Inventory}; a sold-out concert cannot be bought.
 */
final class Purchases {

    private static final long DAY = 24L * 3600 * 1000;

    private final Emitter out;
    private final Inventory inventory;
    private final Agenda agenda;

    Purchases(Emitter out, Inventory inventory, Agenda agenda) {
        this.out = out;
        this.inventory = inventory;
        this.agenda = agenda;
    }

    /** A guest on a concert's page decides whether to buy (see {@link Odds#buy}); true when it bought. */
    boolean consider(Session session, ConcertPlan concert, String recommendationId, double affinity) {
        GuestState state = session.state;
        if (state.guest.kind() == GuestKind.BOX_OFFICE || state.bought(concert.index())
                || !inventory.buyable(concert, session.time(), 1)) {
            return false;
        }
        double lead = (concert.startTime().toEpochMilli() - session.time()) / (double) DAY;
        if (!Draw.chance(state.random, Odds.buy(state.guest, concert, affinity, lead, state.appetite(session.time())))) {
            return false;
        }
        if (!state.hasAccount()) {
            signUp(session);
        }
        session.logIn();
        session.advance();
        return sell(state, concert, session.time(), state.guest.guestIdentifier(), SalesChannel.WEB, recommendationId);
    }

    /** A purchase at the box office or by phone, under the loyalty card. */
    boolean counter(GuestState state, ConcertPlan concert, long at, SalesChannel channel) {
        if (state.bought(concert.index()) || state.guest.card() == null) {
            return false;
        }
        return sell(state, concert, at, state.guest.card(), channel, null);
    }

    /** A prospect opens an account: the CRM's contact, the account's consent and the e-mail's link. */
    void signUp(Session session) {
        GuestState state = session.state;
        state.signUp();
        long at = out.stamp(session.time()).toEpochMilli();
        for (ReferenceData.Timed record : ReferenceData.account(out.seed(), state.guest, at, LinkReason.NEWSLETTER_SIGNUP)) {
            out.emit(record.record().topic(), record.record().key(), record.record().value());
        }
    }

    private boolean sell(GuestState state, ConcertPlan concert, long at, GuestIdentifier buyer, SalesChannel channel,
                         String recommendationId) {
        Guest guest = state.guest;
        int wanted = Math.max(1, Math.min(8, (int) Math.round(guest.habits().seatsPerOrder() + 0.7 * Draw.gaussian(state.random))));
        int seats = Math.min(wanted, inventory.available(concert, at));
        if (seats < 1 || !inventory.buyable(concert, at, seats)) {
            return false;
        }
        String orderId = Ids.order(out.seed(), guest.index(), state.nextOrder());
        long amount = seats * guest.habits().seatPrice(concert);
        TicketSale sale = new TicketSale(orderId + ":1:PURCHASE", out.stamp(at), buyer, TicketSaleType.PURCHASE, orderId,
                concert.concertId(), channel, seats, amount, ConcertPlan.CURRENCY, guest.habits().priceBand(),
                recommendationId, ReferenceData.SOURCE);
        out.emit(OutputTopic.TICKET_SALES, GuestKeys.key(buyer), sale);
        inventory.sell(concert, seats);
        state.buy(concert.index(), at);
        long untilConcert = concert.startTime().toEpochMilli() - at;
        if (untilConcert > 2 * DAY && Draw.chance(state.random, Odds.refund())) {
            long refundAt = at + DAY + (long) (state.random.nextDouble() * Math.min(30 * DAY, untilConcert - 2 * DAY));
            agenda.at(refundAt, () -> refund(state, concert, sale));
        }
        return true;
    }

    private void refund(GuestState state, ConcertPlan concert, TicketSale purchase) {
        Instant at = out.stamp(out.now());
        TicketSale refund = TicketSale.newBuilder(purchase).setEventId(purchase.getOrderId() + ":1:REFUND")
                .setOccurredAt(at).setType(TicketSaleType.REFUND).setRecommendationId(null).build();
        out.emit(OutputTopic.TICKET_SALES, GuestKeys.key(purchase.getIdentifier()), refund);
        inventory.refund(concert, purchase.getSeats());
        state.refund(concert.index());
    }
}
