package io.encore.connectors.email;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, holding at most one second's worth (at least one),
 * so a burst after a pause never exceeds the rate over a second.
 */
final class TokenBucket {

    /** Waits; a seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefill;

    TokenBucket(double ratePerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    static TokenBucket realTime(double ratePerSecond) {
        return new TokenBucket(ratePerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Takes one token, waiting until there is one. */
    void acquire() throws InterruptedException {
        refill();
        while (tokens < 1.0) {
            sleeper.sleepNanos((long) Math.ceil((1.0 - tokens) / ratePerNano));
            refill();
        }
        tokens -= 1.0;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerNano);
        lastRefill = now;
    }
}
