package io.encore.evaluation;

import java.time.Instant;
import java.util.Set;

/**
 * One guest to rank for: at {@code at}, knowing only the training interactions before it, every method ranks
 * the eligible items and is scored on {@code relevant}, the held-out items.
 */
public record TestCase(String guestId, Instant at, Set<String> relevant) {

    public TestCase {
        relevant = Set.copyOf(relevant);
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a test case needs at least one relevant item");
        }
    }
}
