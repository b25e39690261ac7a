package io.encore.simulator.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.Audience;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.behaviour.ConcertChooser;
import io.encore.simulator.behaviour.Ids;
import io.encore.simulator.behaviour.ReferenceData;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;
import io.encore.simulator.random.Draw;
import io.encore.simulator.random.Seeds;

/**
 * The years before the simulation as the hall's systems of record hold them: the reference data of every
 * guest (contact, consent, links, market estimates) and the ticket sales, written in time order. Fast because
 * nothing is simulated but purchases: each guest places a Poisson number of orders per year (its rate,
 * rising or falling with its trend, only after it became a customer), each on a concert its taste and habits
 * choose among those on sale; orders are then sorted and replayed against the seats, so a sold-out concert
 * drops the late orders. Two percent are refunded some days later.
 */
public final class HistoryGenerator {

    private static final long DAY = 24L * 3600 * 1000;
    private static final long YEAR = 365 * DAY;

    /** Hears of every historical purchase and refund, so the live world knows who holds what. */
    @FunctionalInterface
    public interface PurchaseListener {
        void purchased(int guest, int concert, boolean refunded, long at);
    }

    /**
     * Called before the first record of each new stretch of at most {@link #STRETCH_MILLIS} of event time, and at
     * the end: a consumer that processes the records of one stretch in any order stays within profile-stream's
     * 30-day de-duplication horizon, as long as it has read the stretch before when the next one comes.
     */
    @FunctionalInterface
    public interface Checkpoint {
        void reached(long at);
    }

    /** Event time covered between two checkpoints. */
    public static final long STRETCH_MILLIS = 25 * DAY;

    /** What was written. */
    public record Summary(long purchases, long refunds, long soldOut, long referenceRecords) {
    }

    private final Programme programme;
    private final Audience audience;
    private final Inventory inventory;
    private final long seed;

    public HistoryGenerator(Programme programme, Audience audience, Inventory inventory, long seed) {
        this.programme = programme;
        this.audience = audience;
        this.inventory = inventory;
        this.seed = seed;
    }

    /** Writes the reference data and the sales of [{@code from}, {@code to}) to {@code sink} in time order. */
    public Summary run(Instant from, Instant to, EventSink sink, PurchaseListener listener) {
        return run(from, to, sink, listener, at -> { });
    }

    /** As {@link #run(Instant, Instant, EventSink, PurchaseListener)}, calling {@code checkpoint} between stretches. */
    public Summary run(Instant from, Instant to, EventSink sink, PurchaseListener listener, Checkpoint checkpoint) {
        Orders orders = orders(from.toEpochMilli(), to.toEpochMilli());
        long[] order = orders.sortedByTime(from.toEpochMilli());
        List<ReferenceData.Timed> references = references(from.toEpochMilli());
        Replay replay = new Replay(orders, sink, listener, new ConcertChooser(programme));
        Stretches stretches = new Stretches(checkpoint);
        int next = 0;
        for (long key : order) {
            int entry = (int) key;
            long at = orders.time[entry];
            while (next < references.size() && references.get(next).at() <= at) {
                stretches.before(references.get(next).at());
                sink.accept(references.get(next++).record());
            }
            stretches.before(at);
            replay.apply(entry);
        }
        while (next < references.size()) {
            stretches.before(references.get(next).at());
            sink.accept(references.get(next++).record());
        }
        checkpoint.reached(to.toEpochMilli());
        return new Summary(replay.purchases, replay.refunds, replay.soldOut, references.size());
    }

    /** Calls the checkpoint when a record is more than a stretch later than the first of the current stretch. */
    private static final class Stretches {

        private final Checkpoint checkpoint;
        private long start = Long.MIN_VALUE;

        Stretches(Checkpoint checkpoint) {
            this.checkpoint = checkpoint;
        }

        void before(long at) {
            if (start == Long.MIN_VALUE) {
                start = at;
            } else if (at - start >= STRETCH_MILLIS) {
                checkpoint.reached(at);
                start = at;
            }
        }
    }

    private List<ReferenceData.Timed> references(long from) {
        List<ReferenceData.Timed> references = new ArrayList<>();
        for (Guest guest : audience.guests()) {
            references.addAll(ReferenceData.atStart(seed, guest, from));
        }
        references.sort(Comparator.comparingLong(ReferenceData.Timed::at));
        return references;
    }

    private Orders orders(long from, long to) {
        Orders orders = new Orders();
        ConcertChooser chooser = new ConcertChooser(programme);
        for (Guest guest : audience.guests()) {
            if (guest.kind() == GuestKind.PROSPECT) {
                continue;
            }
            SplittableRandom random = Seeds.stream(seed, "history", guest.index());
            long start = Math.max(from, guest.value().since().toEpochMilli());
            for (long sliceEnd = to; sliceEnd > start; sliceEnd -= YEAR) {
                long sliceStart = Math.max(start, sliceEnd - YEAR);
                double years = (sliceStart + sliceEnd) / 2.0 / YEAR - to / (double) YEAR;
                int count = Draw.poisson(random, guest.value().ordersPerYearAt(years) * (sliceEnd - sliceStart) / YEAR);
                for (int i = 0; i < count; i++) {
                    long at = sliceStart + (long) (random.nextDouble() * (sliceEnd - sliceStart));
                    int concert = chooser.choose(random, guest, at);
                    if (concert >= 0) {
                        orders.add(random, guest, programme.concert(concert), at, to);
                    }
                }
            }
        }
        return orders;
    }

    /** Orders and refunds in parallel primitive arrays: a million of them must not cost a million objects. */
    private static final class Orders {

        long[] time = new long[1024];
        int[] guest = new int[1024];
        int[] concert = new int[1024];
        byte[] seats = new byte[1024];
        byte[] channel = new byte[1024];
        /** -1 for a purchase; for a refund, the entry of its purchase. */
        int[] refundOf = new int[1024];
        int size;

        /** An order at {@code at}, and perhaps its refund if that too falls before {@code end}. */
        void add(SplittableRandom random, Guest buyer, ConcertPlan concertPlan, long at, long end) {
            int seatCount = Math.max(1, Math.min(8, (int) Math.round(buyer.habits().seatsPerOrder() + 0.7 * Draw.gaussian(random))));
            int purchase = append(at, buyer.index(), concertPlan.index(), seatCount, salesChannel(random, buyer), -1);
            long untilConcert = concertPlan.startTime().toEpochMilli() - at;
            if (untilConcert > 2 * DAY && Draw.chance(random, 0.02)) {
                long refundAt = at + DAY + (long) (random.nextDouble() * Math.min(30 * DAY, untilConcert - 2 * DAY));
                if (refundAt < end) {
                    append(refundAt, buyer.index(), concertPlan.index(), seatCount, channel[purchase], purchase);
                }
            }
        }

        private static byte salesChannel(SplittableRandom random, Guest buyer) {
            double roll = random.nextDouble();
            SalesChannel sales;
            if (buyer.kind() == GuestKind.BOX_OFFICE) {
                sales = roll < 0.85 ? SalesChannel.BOX_OFFICE : SalesChannel.PHONE;
            } else if (buyer.card() != null) {
                sales = roll < 0.7 ? SalesChannel.WEB : roll < 0.9 ? SalesChannel.BOX_OFFICE : SalesChannel.PHONE;
            } else {
                sales = SalesChannel.WEB;
            }
            return (byte) sales.ordinal();
        }

        private int append(long at, int buyer, int concertIndex, int seatCount, byte sales, int purchase) {
            if (size == time.length) {
                int grown = size * 2;
                time = Arrays.copyOf(time, grown);
                guest = Arrays.copyOf(guest, grown);
                concert = Arrays.copyOf(concert, grown);
                seats = Arrays.copyOf(seats, grown);
                channel = Arrays.copyOf(channel, grown);
                refundOf = Arrays.copyOf(refundOf, grown);
            }
            time[size] = at;
            guest[size] = buyer;
            concert[size] = concertIndex;
            seats[size] = (byte) seatCount;
            channel[size] = sales;
            refundOf[size] = purchase;
            return size++;
        }

        /** Entries by time, as keys whose low 32 bits are the entry: (seconds since {@code from}) << 32 | entry. */
        long[] sortedByTime(long from) {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((time[i] - from) / 1000) << 32 | i;
            }
            Arrays.sort(keys);
            return keys;
        }
    }

    /** Replays sorted orders against the seats and writes them. */
    private final class Replay {

        private final Orders orders;
        private final EventSink sink;
        private final PurchaseListener listener;
        private final ConcertChooser chooser;
        private final boolean[] written;
        private final String[] orderIds;
        long purchases;
        long refunds;
        long soldOut;

        Replay(Orders orders, EventSink sink, PurchaseListener listener, ConcertChooser chooser) {
            this.orders = orders;
            this.sink = sink;
            this.listener = listener;
            this.chooser = chooser;
            this.written = new boolean[orders.size];
            this.orderIds = new String[orders.size];
        }

        void apply(int entry) {
            Guest buyer = audience.guest(orders.guest[entry]);
            long at = orders.time[entry];
            int seats = orders.seats[entry];
            int purchase = orders.refundOf[entry];
            if (purchase < 0) {
                ConcertPlan concert = available(entry, buyer, at, seats);
                if (concert == null) {
                    soldOut++;
                    return;
                }
                orders.concert[entry] = concert.index();
                orderIds[entry] = Ids.historyOrder(seed, purchases + 1);
                inventory.sell(concert, seats);
                write(entry, TicketSaleType.PURCHASE, orderIds[entry], buyer, concert, at, seats);
                written[entry] = true;
                purchases++;
                listener.purchased(buyer.index(), concert.index(), false, at);
            } else if (written[purchase] && at < programme.concert(orders.concert[purchase]).startTime().toEpochMilli()) {
                ConcertPlan concert = programme.concert(orders.concert[purchase]);
                inventory.refund(concert, seats);
                write(entry, TicketSaleType.REFUND, orderIds[purchase], buyer, concert, at, seats);
                refunds++;
                listener.purchased(buyer.index(), concert.index(), true, at);
            }
        }

        /** The chosen concert, or when it sold out meanwhile another the guest picks (two more tries). */
        private ConcertPlan available(int entry, Guest buyer, long at, int seats) {
            ConcertPlan concert = programme.concert(orders.concert[entry]);
            SplittableRandom retry = null;
            for (int attempt = 0; !inventory.buyable(concert, at, seats); attempt++) {
                if (attempt == 2) {
                    return null;
                }
                retry = retry == null ? Seeds.stream(seed, "history-retry", entry) : retry;
                int other = chooser.choose(retry, buyer, at);
                if (other < 0) {
                    return null;
                }
                concert = programme.concert(other);
            }
            return concert;
        }

        private void write(int entry, TicketSaleType type, String orderId, Guest buyer, ConcertPlan concert, long at, int seats) {
            SalesChannel sales = SalesChannel.values()[orders.channel[entry]];
            GuestIdentifier identifier = sales == SalesChannel.WEB ? buyer.guestIdentifier() : buyer.card();
            TicketSale sale = new TicketSale(orderId + ":1:" + type.name(), Instant.ofEpochMilli(at), identifier, type,
                    orderId, concert.concertId(), sales, seats, seats * buyer.habits().seatPrice(concert),
                    ConcertPlan.CURRENCY, buyer.habits().priceBand(), null, ReferenceData.SOURCE);
            sink.accept(new SimRecord(OutputTopic.TICKET_SALES, GuestKeys.key(identifier), sale));
        }
    }
}
