package io.encore.profile.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

import io.encore.profile.avro.GuestState;
import io.encore.profile.identity.Identifiers;

/** Creates the two shapes a {@link GuestState} takes: a guest's own profile, or a redirect to another guest. */
final class GuestStates {

    static final int WEEKDAYS = 7;
    static final int DAYPARTS = 4;
    static final int LEAD_TIMES = 4;

    private GuestStates() {
    }

    static GuestState newProfile(String id, int dimension) {
        return GuestState.newBuilder()
                .setId(id)
                .setKnown(Identifiers.isKnown(id))
                .setAliases(new ArrayList<>())
                .setConcepts(new HashMap<>())
                .setVector(zeros(dimension))
                .setWeekdays(zeros(WEEKDAYS))
                .setDayparts(zeros(DAYPARTS))
                .setLeadTimes(zeros(LEAD_TIMES))
                .build();
    }

    static GuestState redirect(String id, String target) {
        return GuestState.newBuilder().setId(id).setRedirectTo(target).build();
    }

    /**
     * The state as read from the store with every list and map replaced by a plain mutable copy: what Avro
     * hands back is not guaranteed to support every list operation, and the processor edits in place.
     */
    static GuestState mutable(GuestState state) {
        if (state == null) {
            return null;
        }
        state.setAliases(new ArrayList<>(state.getAliases()));
        state.setConcepts(new HashMap<>(state.getConcepts()));
        state.setVector(new ArrayList<>(state.getVector()));
        state.setWeekdays(new ArrayList<>(state.getWeekdays()));
        state.setDayparts(new ArrayList<>(state.getDayparts()));
        state.setLeadTimes(new ArrayList<>(state.getLeadTimes()));
        state.setHalls(new HashMap<>(state.getHalls()));
        state.setPriceBands(new HashMap<>(state.getPriceBands()));
        state.setChannels(new HashMap<>(state.getChannels()));
        state.setLedgerMonths(new ArrayList<>(state.getLedgerMonths()));
        state.setLedgerOrders(new ArrayList<>(state.getLedgerOrders()));
        state.setLedgerAmounts(new ArrayList<>(state.getLedgerAmounts()));
        state.setCategorySpend(new HashMap<>(state.getCategorySpend()));
        state.setMarketSpend(new HashMap<>(state.getMarketSpend()));
        state.setPurchased(new ArrayList<>(state.getPurchased()));
        state.setSeats(new HashMap<>(state.getSeats()));
        state.setOrderSeats(new HashMap<>(state.getOrderSeats()));
        state.setRecent(new ArrayList<>(state.getRecent()));
        return state;
    }

    static boolean isRedirect(GuestState state) {
        return state != null && state.getRedirectTo() != null;
    }

    private static List<Double> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0.0));
    }
}
