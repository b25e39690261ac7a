package io.encore.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.behaviour.Odds;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.PerformerSpec;
import io.encore.simulator.csv.HistoryExport;
import io.encore.simulator.output.MemorySink;
import io.encore.simulator.output.OutputTopic;

/**
 * {@code --simulated}: the simulator's history as evaluation input — every concert of its seasons as an item
 * (title and description in the language it is published in, its tags with the family first, its performers)
 * and every ticket purchase as an interaction of the buying guest — plus its hidden tastes as the
 * {@link Truth}: what a guest would click and buy from a row, by the simulator's own formulas
 * ({@link Odds}, docs/simulator.md).
 */
public final class SimulatedHall implements Truth {

    private static final double DAY_MILLIS = 86_400_000.0;

    private final Dataset dataset;
    private final Map<String, Guest> guests = new HashMap<>();
    private final Map<String, ConcertPlan> concerts = new HashMap<>();
    private final Map<String, List<Instant>> purchases = new HashMap<>();
    private final Instant historyStart;

    /** The history of {@code years} years before {@code startDate}, for {@code guestCount} guests. */
    public SimulatedHall(long seed, int guestCount, int concertsPerSeason, LocalDate startDate, int years) {
        HistoryExport export = new HistoryExport(seed, guestCount, concertsPerSeason, startDate, years);
        MemorySink sink = new MemorySink();
        export.writeTo(sink);
        historyStart = export.programme().seasons().get(0).start();
        List<Item> items = new ArrayList<>();
        for (ConcertPlan plan : export.programme().concerts()) {
            concerts.put(plan.concertId(), plan);
            items.add(new Item(plan.concertId(), plan.title().in(plan.language()), plan.tags(),
                    plan.description().in(plan.language()), plan.startTime(), plan.language(),
                    plan.performers().stream().map(PerformerSpec::name).toList(), plan.saleOpens()));
        }
        List<Interaction> interactions = new ArrayList<>();
        for (TicketSale sale : sink.values(OutputTopic.TICKET_SALES, TicketSale.class)) {
            if (sale.getType() != TicketSaleType.PURCHASE) {
                continue;
            }
            String key = sale.getIdentifier().getType().name() + ":" + sale.getIdentifier().getValue();
            Guest guest = export.audience().byIdentifier(key).orElseThrow(() ->
                    new IllegalStateException("a simulated sale under an identifier no guest has: " + key));
            guests.put(guest.guestId(), guest);
            interactions.add(new Interaction(guest.guestId(), sale.getConcertId(), sale.getOccurredAt(),
                    InteractionType.PURCHASE, sale.getAmountMinor()));
            purchases.computeIfAbsent(guest.guestId(), g -> new ArrayList<>()).add(sale.getOccurredAt());
        }
        purchases.values().forEach(Collections::sort);
        dataset = Dataset.of(items, interactions);
    }

    public Dataset dataset() {
        return dataset;
    }

    /**
     * The guest looks at the item at rank r with probability {@link Odds#examine}, clicks with
     * {@link Odds#webClick} and, on the concert's page, buys with {@link Odds#buy} given its appetite (orders due
     * since its last purchase before {@code at}) and the lead time: expected values, so no dice add noise.
     */
    @Override
    public Response respond(String guestId, Instant at, List<String> list) {
        Guest guest = guests.get(guestId);
        if (guest == null) {
            throw new IllegalArgumentException("no simulated guest " + guestId);
        }
        double appetite = Odds.appetite(guest, lastPurchaseBefore(guestId, at).toEpochMilli(), at.toEpochMilli());
        double clicks = 0;
        double bought = 0;
        int shown = Math.min(ROW, list.size());
        for (int r = 0; r < shown; r++) {
            ConcertPlan concert = concerts.get(list.get(r));
            double affinity = guest.affinity(concert);
            double click = Odds.examine(r + 1) * Odds.webClick(guest, affinity);
            double leadDays = (concert.startTime().toEpochMilli() - at.toEpochMilli()) / DAY_MILLIS;
            clicks += click;
            bought += click * Odds.buy(guest, concert, affinity, leadDays, appetite);
        }
        return new Response(clicks, bought, shown);
    }

    private Instant lastPurchaseBefore(String guestId, Instant at) {
        Instant last = historyStart;
        for (Instant purchase : purchases.getOrDefault(guestId, List.of())) {
            if (!purchase.isBefore(at)) {
                break;
            }
            last = purchase;
        }
        return last;
    }
}
