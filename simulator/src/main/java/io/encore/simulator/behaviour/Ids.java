package io.encore.simulator.behaviour;

/**
 * Deterministic ids: the seed, the guest and the guest's own counter, so a re-run of a seed produces the same
 * ids (Encore de-duplicates on them) and no two guests' events ever share one.
 */
public final class Ids {

    private Ids() {
    }

    public static String event(long seed, int guest, long sequence) {
        return "sim" + seed + "-g" + guest + "-e" + sequence;
    }

    public static String session(long seed, int guest, long sequence) {
        return "sim" + seed + "-g" + guest + "-s" + sequence;
    }

    public static String order(long seed, int guest, long sequence) {
        return "SIM" + seed + "-G" + guest + "-" + sequence;
    }

    /** Orders of the history, numbered in time order. */
    public static String historyOrder(long seed, long number) {
        return "SIM" + seed + "-H" + number;
    }

    /** The reference data of a guest (links, consent, market estimates) at the start. */
    public static String reference(long seed, int guest, String what) {
        return "sim" + seed + "-g" + guest + "-" + what;
    }

    public static String campaign(long seed, int number) {
        return "sim" + seed + "-newsletter-" + number;
    }
}
