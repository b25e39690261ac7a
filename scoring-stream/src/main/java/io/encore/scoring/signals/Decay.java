package io.encore.scoring.signals;

import java.time.Duration;

/**
 * Half-lives of the shared signals. Sales velocity forgets fast (a week: "selling fast now"), co-purchases
 * and twins' purchases slowly (half a year / three months: tastes, not news). Sums are stored as of an
 * anchor and decayed to the reader's clock: {@code value(t) = value(anchor) · 2^(−(t − anchor)/H)}.
 */
public final class Decay {

    public static final Duration TRENDING = Duration.ofDays(7);
    public static final Duration CO_PURCHASE = Duration.ofDays(180);
    public static final Duration TWINS = Duration.ofDays(90);

    private Decay() {
    }

    public static double factor(long from, long to, Duration halfLife) {
        return Math.pow(2.0, -(to - from) / (double) halfLife.toMillis());
    }
}
