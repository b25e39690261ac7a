package io.encore.simulator.behaviour;

import java.util.SplittableRandom;

import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.random.Seeds;

/**
 * What changes about a guest during a run: its own random stream and id counters, which browsers are
 * logged in, whether a prospect has signed up, whether it still takes e-mail, the latest web list Encore
 * made for it, and what it bought.
 */
final class GuestState {

    final Guest guest;
    final SplittableRandom random;
    private long events;
    private long sessions;
    private long orders;
    private boolean account;
    private int loggedInDevices;
    private int bannerShown;
    private boolean takesEmail;
    private ShownList web;
    private long appetiteSince;
    private final IntList purchased = new IntList();
    private final IntList favourites = new IntList();

    GuestState(long seed, Guest guest, long start) {
        this.guest = guest;
        this.random = Seeds.stream(seed, "behaviour", guest.index());
        this.account = guest.kind() == GuestKind.REGISTERED;
        this.takesEmail = guest.consent().email();
        // A random phase: at the start some guests are about to buy, others just did.
        double yearsPerOrder = 1.0 / Math.max(0.05, guest.value().ordersPerYear());
        this.appetiteSince = start - (long) (random.nextDouble() * 1.2 * yearsPerOrder * 365 * 24 * 3600 * 1000);
    }

    long nextEvent() {
        return events++;
    }

    long nextSession() {
        return sessions++;
    }

    long nextOrder() {
        return orders++;
    }

    /** Whether the guest has a web account (a GUEST_ID). */
    boolean hasAccount() {
        return account;
    }

    void signUp() {
        account = true;
    }

    boolean loggedIn(int device) {
        return (loggedInDevices & (1 << device)) != 0;
    }

    void logIn(int device) {
        loggedInDevices |= 1 << device;
    }

    /** True the first time a browser is seen (the cookie banner is answered then). */
    boolean firstVisitOf(int device) {
        boolean first = (bannerShown & (1 << device)) == 0;
        bannerShown |= 1 << device;
        return first;
    }

    boolean takesEmail() {
        return takesEmail;
    }

    void unsubscribe() {
        takesEmail = false;
    }

    ShownList web() {
        return web;
    }

    void web(ShownList list) {
        web = list;
    }

    boolean bought(int concert) {
        return purchased.contains(concert);
    }

    void buy(int concert, long at) {
        purchased.add(concert);
        appetiteSince = Math.max(appetiteSince, at);
    }

    /** See {@link Odds#appetite}. */
    double appetite(long now) {
        return Odds.appetite(guest, appetiteSince, now);
    }

    void refund(int concert) {
        purchased.remove(concert);
    }

    int purchases() {
        return purchased.size();
    }

    boolean favourite(int concert) {
        return favourites.contains(concert);
    }

    void markFavourite(int concert) {
        favourites.add(concert);
    }
}
