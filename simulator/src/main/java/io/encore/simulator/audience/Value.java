package io.encore.simulator.audience;

import java.time.Instant;

/**
 * A guest's worth to the hall over time, which RFM(T) should recover: how often they buy, whether that is
 * rising or falling, since when they are a customer, and how often they visit the website.
 *
 * @param ordersPerYear orders in a year at the start of the simulation (log-normal: most buy once or twice)
 * @param trend         yearly log-change of the order rate: negative guests drift towards dormant
 * @param since         first contact with the hall (account, card); history never reaches before it
 * @param visitsPerYear web visits in a year
 */
public record Value(double ordersPerYear, double trend, Instant since, double visitsPerYear) {

    /**
     * The order rate {@code years} years after the simulation's start (negative for history): the trend
     * compounds, within a third and three times today's rate.
     */
    public double ordersPerYearAt(double years) {
        return ordersPerYear * Math.min(3.0, Math.max(1.0 / 3, Math.exp(trend * years)));
    }
}
