package io.encore.simulator.output;

/**
 * Holds the producing thread back so that at most {@code perSecond} records pass per second (a token bucket
 * holding one second's worth), which is how the events-per-second cap slows simulated time down.
 */
public final class RateLimitedSink implements EventSink {

    private final EventSink delegate;
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    public RateLimitedSink(EventSink delegate, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive, got " + perSecond);
        }
        this.delegate = delegate;
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1.0, perSecond);
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    @Override
    public void accept(SimRecord record) {
        acquire();
        delegate.accept(record);
    }

    private void acquire() {
        while (true) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return;
            }
            long waitNanos = (long) ((1.0 - tokens) / perNano);
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rate limit", e);
            }
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
