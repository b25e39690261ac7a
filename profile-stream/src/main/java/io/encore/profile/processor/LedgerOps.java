package io.encore.profile.processor;

import java.util.ArrayList;
import java.util.List;

import io.encore.profile.avro.GuestState;
import io.encore.profile.value.SpendLedger;

/** Moves a guest's purchase ledger between its stored form (three parallel lists) and {@link SpendLedger}. */
final class LedgerOps {

    private final int maxMonths;

    LedgerOps(int maxMonths) {
        this.maxMonths = maxMonths;
    }

    SpendLedger read(GuestState state) {
        return SpendLedger.of(maxMonths,
                state.getLedgerMonths().stream().mapToInt(Integer::intValue).toArray(),
                state.getLedgerOrders().stream().mapToInt(Integer::intValue).toArray(),
                state.getLedgerAmounts().stream().mapToLong(Long::longValue).toArray(),
                state.getFirstPurchaseAt(), state.getLastPurchaseAt());
    }

    void write(GuestState state, SpendLedger ledger) {
        List<Integer> months = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (int i = 0; i < ledger.months().length; i++) {
            months.add(ledger.months()[i]);
            orders.add(ledger.orders()[i]);
            amounts.add(ledger.amounts()[i]);
        }
        state.setLedgerMonths(months);
        state.setLedgerOrders(orders);
        state.setLedgerAmounts(amounts);
        state.setFirstPurchaseAt(ledger.firstPurchaseAt().isPresent() ? ledger.firstPurchaseAt().getAsLong() : null);
        state.setLastPurchaseAt(ledger.lastPurchaseAt().isPresent() ? ledger.lastPurchaseAt().getAsLong() : null);
    }

    /** Books a sale; {@code purchase} marks the first/last purchase time even when no order is added. */
    void record(GuestState state, long occurredAt, long amountMinor, int orders, boolean purchase) {
        SpendLedger ledger = read(state);
        ledger.record(occurredAt, amountMinor, orders);
        if (purchase && orders == 0) {
            ledger.notePurchaseAt(occurredAt);
        }
        write(state, ledger);
    }

    /** Adds every bucket of {@code other} into {@code into}: the ledger of a merged guest. */
    void merge(GuestState into, GuestState other) {
        SpendLedger target = read(into);
        target.merge(read(other));
        write(into, target);
    }
}
