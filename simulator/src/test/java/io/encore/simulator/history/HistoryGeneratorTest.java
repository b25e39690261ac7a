package io.encore.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.output.MemorySink;
import io.encore.simulator.output.OutputTopic;

class HistoryGeneratorTest {

    private static final long SEED = 9;
    private static final Taxonomy TAXONOMY = Taxonomy.standard();
    private static final Programme PROGRAMME = Programme.generate(TAXONOMY, SEED, LocalDate.of(2026, 9, 1), 200, 3);
    private static Audience audience;
    private static MemorySink sink;
    private static Inventory inventory;
    private static HistoryGenerator.Summary summary;
    private static final AtomicLong heard = new AtomicLong();

    @BeforeAll
    static void writeThreeYears() {
        audience = Audience.generate(TAXONOMY, SEED, 3000, PROGRAMME.current().start());
        inventory = new Inventory(PROGRAMME, audience.size());
        sink = new MemorySink();
        summary = new HistoryGenerator(PROGRAMME, audience, inventory, SEED)
                .run(PROGRAMME.start(), PROGRAMME.current().start(), sink, (guest, concert, refunded, at) -> heard.incrementAndGet());
    }

    @Test
    void shouldWriteTheSameHistoryForTheSameSeed() {
        // when
        MemorySink again = new MemorySink();
        new HistoryGenerator(PROGRAMME, audience, new Inventory(PROGRAMME, audience.size()), SEED)
                .run(PROGRAMME.start(), PROGRAMME.current().start(), again, (g, c, r, at) -> { });

        // then
        assertThat(again.records()).isEqualTo(sink.records());
    }

    @Test
    void shouldSellOnlyWhileOnSaleAndNeverMoreSeatsThanAConcertHas() {
        Map<String, Integer> seats = new HashMap<>();
        for (TicketSale sale : sales()) {
            ConcertPlan concert = PROGRAMME.byId(sale.getConcertId()).orElseThrow();
            assertThat(sale.getOccurredAt()).isAfterOrEqualTo(concert.saleOpens()).isBefore(concert.startTime())
                    .as("history ends where the live run begins").isBefore(PROGRAMME.current().start());
            seats.merge(sale.getConcertId(), sale.getType() == TicketSaleType.PURCHASE ? sale.getSeats() : -sale.getSeats(), Integer::sum);
        }
        for (Map.Entry<String, Integer> sold : seats.entrySet()) {
            ConcertPlan concert = PROGRAMME.byId(sold.getKey()).orElseThrow();
            assertThat(sold.getValue()).as(sold.getKey()).isBetween(0, concert.capacity()).isEqualTo(inventory.soldToAudience(concert));
        }
        assertThat(summary.purchases()).isGreaterThan(10_000);
        assertThat(heard.get()).isEqualTo(summary.purchases() + summary.refunds());
    }

    @Test
    void shouldRefundEarlierPurchasesOfTheSameOrderAndSeats() {
        Map<String, TicketSale> purchases = sales().stream().filter(s -> s.getType() == TicketSaleType.PURCHASE)
                .collect(Collectors.toMap(TicketSale::getOrderId, s -> s));
        List<TicketSale> refunds = sales().stream().filter(s -> s.getType() == TicketSaleType.REFUND).toList();

        assertThat(refunds).hasSize((int) summary.refunds()).isNotEmpty();
        for (TicketSale refund : refunds) {
            TicketSale purchase = purchases.get(refund.getOrderId());
            assertThat(refund.getOccurredAt()).isAfter(purchase.getOccurredAt());
            assertThat(refund.getSeats()).isEqualTo(purchase.getSeats());
            assertThat(refund.getAmountMinor()).isEqualTo(purchase.getAmountMinor());
            assertThat(refund.getIdentifier()).isEqualTo(purchase.getIdentifier());
            assertThat(refund.getEventId()).isEqualTo(refund.getOrderId() + ":1:REFUND");
        }
    }

    @Test
    void shouldStartAGuestsPurchasesWhenItBecameACustomerAndSpreadTheirNumber() {
        Map<Guest, Long> orders = sales().stream().filter(s -> s.getType() == TicketSaleType.PURCHASE)
                .collect(Collectors.groupingBy(s -> guest(s.getIdentifier().getType() + ":" + s.getIdentifier().getValue()),
                        Collectors.counting()));
        for (TicketSale sale : sales()) {
            Guest buyer = guest(GuestKeys.key(sale.getIdentifier()));
            assertThat(sale.getOccurredAt()).isAfterOrEqualTo(buyer.value().since());
            assertThat(buyer.kind()).isNotEqualTo(GuestKind.PROSPECT);
        }
        long[] counts = orders.values().stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(counts[counts.length - 1]).isGreaterThanOrEqualTo(15);
        assertThat(orders.values().stream().filter(n -> n <= 2).count()).isGreaterThan(orders.size() / 5);
    }

    @Test
    void shouldWriteTheReferenceDataOfKnownGuestsBeforeTheirFirstSale() {
        Set<String> consented = sink.values(OutputTopic.GUEST_CONSENTS, GuestConsent.class).stream()
                .map(c -> GuestKeys.key(c.getIdentifier())).collect(Collectors.toSet());
        Set<String> contacts = sink.values(OutputTopic.GUEST_CONTACTS, GuestContact.class).stream()
                .map(GuestContact::getGuestId).collect(Collectors.toSet());
        List<IdentityLink> links = sink.values(OutputTopic.IDENTITY_LINKS, IdentityLink.class);

        for (Guest guest : audience.guests()) {
            switch (guest.kind()) {
                case REGISTERED -> {
                    assertThat(consented).contains("GUEST_ID:" + guest.guestId());
                    assertThat(contacts).contains("GUEST_ID:" + guest.guestId());
                }
                case BOX_OFFICE -> assertThat(consented).contains("LOYALTY_CARD:" + guest.loyaltyCard());
                case PROSPECT -> assertThat(contacts).doesNotContain("GUEST_ID:" + guest.guestId());
            }
        }
        assertThat(links).filteredOn(l -> l.getReason() == LinkReason.CARD_SCAN).isNotEmpty()
                .allMatch(l -> l.getFrom().getType() == IdentifierType.LOYALTY_CARD && l.getTo().getType() == IdentifierType.GUEST_ID);
        assertThat(summary.referenceRecords()).isEqualTo(sink.records().stream().filter(r -> r.topic() != OutputTopic.TICKET_SALES).count());
    }

    private static List<TicketSale> sales() {
        return sink.values(OutputTopic.TICKET_SALES, TicketSale.class);
    }

    private static Guest guest(String key) {
        return audience.byIdentifier(key).orElseThrow();
    }

    @Test
    void shouldCallTheCheckpointBetweenStretchesOfAtMost25DaysOfEventTime() {
        // given
        MemorySink stretched = new MemorySink();
        List<Integer> checkpoints = new ArrayList<>();

        // when
        new HistoryGenerator(PROGRAMME, audience, new Inventory(PROGRAMME, audience.size()), SEED)
                .run(PROGRAMME.start(), PROGRAMME.current().start(), stretched, (g, c, r, at) -> { },
                        at -> checkpoints.add(stretched.records().size()));

        // then: the same records, and each stretch between checkpoints spans less than 25 days
        assertThat(stretched.records()).isEqualTo(sink.records());
        assertThat(checkpoints.size()).isGreaterThan(3 * 365 / 25);
        int from = 0;
        for (int to : checkpoints) {
            List<Instant> times = stretched.records().subList(from, to).stream().map(r -> time(r.value())).toList();
            if (!times.isEmpty()) {
                assertThat(Duration.between(times.get(0), times.get(times.size() - 1))).isLessThan(Duration.ofDays(25));
            }
            from = to;
        }
    }

    private static Instant time(SpecificRecord value) {
        return value instanceof GuestContact contact ? contact.getUpdatedAt() : (Instant) value.get(value.getSchema().getField("occurredAt").pos());
    }
}
