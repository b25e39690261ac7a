package io.encore.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * The hidden ground truth of a simulated hall: how a guest would respond to a row of items shown at a moment.
 * Only {@code --simulated} has one; with real data the ranking metrics are all there is.
 */
public interface Truth {

    /** Items of a list a guest sees in the "Selected for you" row. */
    int ROW = 6;

    /** Expected clicks and purchases from showing the guest the first {@link #ROW} items of {@code list}. */
    Response respond(String guestId, Instant at, List<String> list);

    /** @param items how many items the row showed (at most {@link #ROW}) */
    record Response(double clicks, double purchases, int items) {
    }
}
