package io.encore.simulator.behaviour;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Turns simulated time into the {@code occurredAt} of an event. Offline (tests, evaluation, CSV) events carry
 * the simulated time itself. Live, against a running Encore, they carry the wall clock: Encore dead-letters
 * events from more than an hour in the future and credits a click to a list only after the list's
 * (wall-clock) creation, so accelerated simulated time cannot be written as event time. The simulated clock
 * still decides everything else: which concerts are on sale, sold out or past, and when guests act.
 */
@FunctionalInterface
public interface EventClock {

    Instant stamp(long simulatedMillis);

    /** Events at the simulated time. */
    static EventClock simulated() {
        return Instant::ofEpochMilli;
    }

    /** Events at the wall clock, never going backwards. */
    static EventClock wall(LongSupplier millis) {
        long[] last = {Long.MIN_VALUE};
        return simulatedMillis -> {
            synchronized (last) {
                last[0] = Math.max(last[0], millis.getAsLong());
                return Instant.ofEpochMilli(last[0]);
            }
        };
    }
}
