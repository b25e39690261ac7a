package io.encore.simulator.behaviour;

import io.encore.simulator.audience.Guest;
import io.encore.simulator.catalogue.ConcertPlan;

/**
 * The behaviour model: the probability of each thing a guest may do, from the hidden affinity of what the
 * guest is shown and the guest's habits and responsiveness. Everything the closed loop measures follows from
 * these formulas, so they are kept together and documented in docs/simulator.md.
 */
public final class Odds {

    /** Scale of the per-page purchase chance (calibrated so that guests buy about their yearly rate, see the docs). */
    static final double BUY_SCALE = 1.5;

    private Odds() {
    }

    /** That a guest looks at the item at {@code rank} (1 = first) of a row: attention falls with position. */
    public static double examine(int rank) {
        return 1.0 / (1.0 + 0.35 * (rank - 1));
    }

    /** That a guest clicks a shown web item: mostly affinity, a little curiosity. */
    public static double webClick(Guest guest, double affinity) {
        return guest.responsiveness().webClick() * (0.04 + 0.96 * Math.pow(affinity, 1.5));
    }

    /** That a guest says "not interested" to a shown item: only for what clearly does not fit. */
    public static double notInterested(Guest guest, double affinity) {
        return affinity < 0.12 ? 0.15 * guest.responsiveness().notInterested() : 0.0;
    }

    public static double favourite(double affinity) {
        return 0.12 * affinity * affinity;
    }

    public static double share(double affinity) {
        return 0.02 * affinity;
    }

    /**
     * That a guest on a concert's page buys: its appetite (orders "due" since its last purchase, see
     * {@link #appetite}) times affinity squared times the fit of day, price and lead time.
     */
    public static double buy(Guest guest, ConcertPlan concert, double affinity, double leadDays, double appetite) {
        double fit = guest.habits().timeFit(concert) * guest.habits().priceFit(concert) * guest.habits().leadFit(leadDays);
        return Math.min(0.8, BUY_SCALE * appetite * affinity * affinity * fit);
    }

    /**
     * Orders "due": the guest's yearly order rate times the years since its last purchase, at most 3. A
     * purchase empties it, so a guest buys about as often as its rate says whatever it is shown — good lists
     * make it buy sooner, more of what it likes, and through the list — instead of without end.
     */
    public static double appetite(Guest guest, long sinceMillis, long nowMillis) {
        return Math.min(3.0, guest.value().ordersPerYear() * Math.max(0, nowMillis - sinceMillis) / (365.0 * 24 * 3600 * 1000));
    }

    /** That an e-mail is opened: the guest's habit, lifted by how relevant its first items look. */
    public static double emailOpen(Guest guest, double relevance) {
        return Math.min(0.95, guest.responsiveness().emailOpen() * (0.55 + 0.9 * relevance));
    }

    /** That an item of an opened e-mail is clicked. */
    public static double emailClick(Guest guest, double affinity, int rank) {
        return guest.responsiveness().emailClick() * Math.pow(affinity, 1.5) * examine(rank);
    }

    /** That an opened e-mail makes the guest unsubscribe: irrelevant mail does. */
    public static double unsubscribe(double relevance) {
        return 0.003 + 0.04 * (1 - relevance) * (1 - relevance);
    }

    /** That a member of an uploaded audience is reached by the ad at all. */
    public static double adReach() {
        return 0.65;
    }

    public static double adClick(Guest guest, double affinity) {
        return Math.min(0.5, guest.responsiveness().adClick() * (0.1 + 1.4 * affinity * affinity));
    }

    public static double adHide(double affinity) {
        return 0.03 * (1 - affinity) * (1 - affinity);
    }

    /** That a guest with an account logs in on a visit without needing to. */
    public static double login() {
        return 0.45;
    }

    /** That a prospect signs up (newsletter, account) on a visit without buying. */
    public static double signUp() {
        return 0.01;
    }

    /** That a purchase is refunded later. */
    public static double refund() {
        return 0.02;
    }
}
