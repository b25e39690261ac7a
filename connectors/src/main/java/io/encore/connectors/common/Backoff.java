package io.encore.connectors.common;

import java.time.Duration;

/** The sinks' retry waits: a base that doubles with every attempt, capped. */
public final class Backoff {

    /** The longest any sink waits between two attempts. */
    public static final Duration MAX = Duration.ofSeconds(60);

    private Backoff() {
    }

    /** {@code base} × 2^attempt, at most {@link #MAX}, without overflowing for large attempt counts. */
    public static Duration exponential(Duration base, int attempt) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempt, 0), 20));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
