package io.encore.simulator.catalogue;

import java.time.Instant;
import java.util.Optional;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;

/**
 * Seats and status of every concert as sales go on. The simulated guests are a sample of the hall's market:
 * the rest of the market ("background") buys along a sales curve up to the concert's demand, so popular
 * concerts sell out whether or not the sample buys them; the sample's own sales come on top.
 *
 * <p>Background sales by the time share x of the sale period: {@code S(x) = 0.35·√x + 0.65·x³} of the
 * background demand — a rush when sales open, a lull, and the last weeks' surge.
 */
public final class Inventory {

    /** Guests in the market the simulated audience is drawn from. */
    public static final int MARKET_SIZE = 100_000;

    private final Programme programme;
    private final double backgroundShare;
    private final int[] soldToAudience;
    private final long[] versions;
    private final ConcertStatus[] publishedStatus;
    private final int[] publishedDecile;

    /** @param audienceSize the simulated guests; the background is the rest of {@link #MARKET_SIZE} */
    public Inventory(Programme programme, int audienceSize) {
        this.programme = programme;
        this.backgroundShare = Math.max(0.0, 1.0 - (double) audienceSize / MARKET_SIZE);
        int n = programme.concerts().size();
        soldToAudience = new int[n];
        versions = new long[n];
        publishedStatus = new ConcertStatus[n];
        publishedDecile = new int[n];
    }

    /** Seats the rest of the market has bought by {@code at}: what it wants, as far as the audience left seats. */
    public int backgroundSold(ConcertPlan concert, long at) {
        long open = concert.saleOpens().toEpochMilli();
        long start = concert.startTime().toEpochMilli();
        double x = Math.min(1.0, Math.max(0.0, (double) (at - open) / (start - open)));
        double curve = 0.35 * Math.sqrt(x) + 0.65 * x * x * x;
        long wanted = Math.round(concert.demand() * concert.capacity() * backgroundShare * curve);
        return (int) Math.max(0, Math.min(concert.capacity() - soldToAudience[concert.index()], wanted));
    }

    public int available(ConcertPlan concert, long at) {
        return Math.max(0, concert.capacity() - backgroundSold(concert, at) - soldToAudience[concert.index()]);
    }

    public ConcertStatus status(ConcertPlan concert, long at) {
        if (at < concert.saleOpens().toEpochMilli()) {
            return ConcertStatus.DRAFT;
        }
        if (at >= concert.startTime().toEpochMilli()) {
            return ConcertStatus.PAST;
        }
        return available(concert, at) == 0 ? ConcertStatus.SOLD_OUT : ConcertStatus.ON_SALE;
    }

    public boolean buyable(ConcertPlan concert, long at, int seats) {
        return status(concert, at) == ConcertStatus.ON_SALE && available(concert, at) >= seats;
    }

    public void sell(ConcertPlan concert, int seats) {
        soldToAudience[concert.index()] += seats;
    }

    public void refund(ConcertPlan concert, int seats) {
        soldToAudience[concert.index()] = Math.max(0, soldToAudience[concert.index()] - seats);
    }

    public int soldToAudience(ConcertPlan concert) {
        return soldToAudience[concert.index()];
    }

    /**
     * The catalogue entry to publish when the concert's status or its seats (in tenths of capacity) changed
     * since the last publication; each publication takes the next version.
     */
    public Optional<Concert> changed(ConcertPlan concert, long at, Instant stamp) {
        ConcertStatus status = status(concert, at);
        int available = available(concert, at);
        int decile = available * 10 / concert.capacity();
        int i = concert.index();
        if (status == publishedStatus[i] && decile == publishedDecile[i]) {
            return Optional.empty();
        }
        publishedStatus[i] = status;
        publishedDecile[i] = decile;
        versions[i]++;
        return Optional.of(concert.toConcert(status, available, versions[i], stamp));
    }

    public Programme programme() {
        return programme;
    }
}
