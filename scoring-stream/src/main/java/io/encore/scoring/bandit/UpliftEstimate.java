package io.encore.scoring.bandit;

import java.util.OptionalDouble;

/**
 * Did personalisation pay on a channel? Compares the conversion rate of treated guests with that of the
 * holdout group: {@code uplift = p_t − p_c}, with a 95% confidence interval from the normal approximation to
 * the difference of two independent proportions (unpooled Wald interval):
 * {@code uplift ± 1.96 · sqrt(p_t(1 − p_t)/n_t + p_c(1 − p_c)/n_c)}.
 *
 * <p>The approximation needs enough events in each group; {@link #hasEnoughData()} applies the usual rule of
 * thumb (at least 10 conversions and 10 non-conversions per group). With fewer, the interval is too narrow
 * (zero width at 0 conversions) and should not be reported.
 *
 * @param treatedRate   conversions / shown among treated guests
 * @param controlRate   conversions / shown in the holdout
 * @param uplift        {@code treatedRate − controlRate}; 0.01 = one percentage point
 * @param lower         lower bound of the 95% interval of the uplift
 * @param upper         upper bound of the 95% interval of the uplift
 * @param hasEnoughData both groups have at least 10 conversions and 10 non-conversions
 */
public record UpliftEstimate(double treatedRate, double controlRate, double uplift, double lower, double upper,
                             boolean hasEnoughData) {

    /** Two-sided 95% quantile of the standard normal. */
    public static final double Z_95 = 1.959963984540054;

    private static final long MIN_EVENTS = 10;

    /**
     * Counts of one group on one channel.
     *
     * @param shown       recommendation sets shown (or guests reached)
     * @param conversions of those, how many converted; at most {@code shown}
     */
    public record Counts(long shown, long conversions) {

        public Counts {
            if (shown <= 0 || conversions < 0 || conversions > shown) {
                throw new IllegalArgumentException("need 0 <= conversions <= shown and shown > 0, got "
                        + conversions + " of " + shown);
            }
        }

        double rate() {
            return conversions / (double) shown;
        }

        boolean enough() {
            return conversions >= MIN_EVENTS && shown - conversions >= MIN_EVENTS;
        }
    }

    /** The estimate for treated and control counts of one channel. */
    public static UpliftEstimate of(Counts treated, Counts control) {
        double pt = treated.rate();
        double pc = control.rate();
        double standardError = Math.sqrt(pt * (1 - pt) / treated.shown() + pc * (1 - pc) / control.shown());
        double uplift = pt - pc;
        double margin = Z_95 * standardError;
        return new UpliftEstimate(pt, pc, uplift, uplift - margin, uplift + margin,
                treated.enough() && control.enough());
    }

    /** Uplift relative to the control rate ({@code uplift / controlRate}); empty when the control never converted. */
    public OptionalDouble relativeUplift() {
        return controlRate > 0.0 ? OptionalDouble.of(uplift / controlRate) : OptionalDouble.empty();
    }

    /** Whether the 95% interval excludes zero. */
    public boolean isSignificant() {
        return lower > 0.0 || upper < 0.0;
    }
}
