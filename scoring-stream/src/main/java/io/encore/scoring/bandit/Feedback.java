package io.encore.scoring.bandit;

/**
 * The strongest response a guest gave to one published list within its attribution window, weakest first, so
 * the topology can keep the best seen so far with {@link #strongest}.
 */
public enum Feedback {

    /** Nothing attributable before the window closed. */
    NONE,
    /** A click on (or open of) a concert of the list. */
    CLICK,
    /** A ticket purchase for a concert of the list. */
    PURCHASE;

    /** The stronger of this and {@code other}. */
    public Feedback strongest(Feedback other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
