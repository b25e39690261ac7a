package io.encore.simulator.behaviour;

import java.util.PriorityQueue;

/**
 * What happens next, in simulated time. Ties are broken by the order of scheduling, so a run is a pure
 * function of its inputs.
 */
final class Agenda {

    private record Entry(long at, long order, Runnable action) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long scheduled;

    void at(long millis, Runnable action) {
        queue.add(new Entry(millis, scheduled++, action));
    }

    /** Time of the next action, or {@code Long.MAX_VALUE} when nothing is scheduled. */
    long next() {
        Entry head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.at();
    }

    /** Runs the next action; its time must be the current time of the caller's clock. */
    void runNext() {
        queue.poll().action().run();
    }

    int size() {
        return queue.size();
    }
}
