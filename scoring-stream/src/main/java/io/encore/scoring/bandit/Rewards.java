package io.encore.scoring.bandit;

import java.time.Duration;
import java.util.Objects;

/**
 * Turns a guest's response to a published list into the bandit's reward, so every arm is judged on the same
 * scale: a purchase of a recommended concert is the goal (1.0), a click is weak evidence of relevance (0.3 by
 * default), and silence until the attribution window closes is a failure (0.0).
 *
 * <p>One list earns exactly one reward, its strongest feedback within the window. scoring-stream counts the
 * list as a trial when it is published (β + 1) and credits feedback as it arrives: a click adds its value
 * (α + r, β − r), a later purchase adds only the difference to 1, a second click nothing. Rewarding every click
 * and then the purchase separately would count one list as several trials and favour arms whose lists draw
 * many clicks.
 *
 * @param purchase          reward for a purchase of a concert in the list, in [0, 1]
 * @param click             reward for a click without a purchase, in [0, purchase]
 * @param attributionWindow how long after publication a response still counts; positive
 */
public record Rewards(double purchase, double click, Duration attributionWindow) {

    public static final double DEFAULT_PURCHASE = 1.0;
    public static final double DEFAULT_CLICK = 0.3;
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofDays(7);

    /** Purchase 1.0, click 0.3, seven-day window. */
    public static final Rewards DEFAULT = new Rewards(DEFAULT_PURCHASE, DEFAULT_CLICK, DEFAULT_ATTRIBUTION_WINDOW);

    public Rewards {
        Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (!(purchase >= 0.0 && purchase <= 1.0)) {
            throw new IllegalArgumentException("purchase reward must be in [0, 1], got " + purchase);
        }
        if (!(click >= 0.0 && click <= purchase)) {
            throw new IllegalArgumentException("click reward must be in [0, purchase], got " + click);
        }
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("attributionWindow must be positive, got " + attributionWindow);
        }
    }

    /** The reward for the strongest feedback a list received. */
    public double of(Feedback feedback) {
        return switch (feedback) {
            case PURCHASE -> purchase;
            case CLICK -> click;
            case NONE -> 0.0;
        };
    }

    /** Whether a response at {@code respondedAt} still counts for a list published at {@code publishedAt} (epoch ms). */
    public boolean attributable(long publishedAt, long respondedAt) {
        return respondedAt >= publishedAt && respondedAt - publishedAt < attributionWindow.toMillis();
    }

    /** When the window of a list published at {@code publishedAt} closes (epoch ms): reward it then if still open. */
    public long windowClosesAt(long publishedAt) {
        return publishedAt + attributionWindow.toMillis();
    }
}
