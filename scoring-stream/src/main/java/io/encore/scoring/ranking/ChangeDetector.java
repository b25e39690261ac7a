package io.encore.scoring.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a freshly ranked list is worth publishing over the one the guest last saw. Every profile
 * event re-scores the guest; publishing each reshuffle would spam channels that push (a new mail, a new ad
 * audience) and churn compacted topics for nothing. A change is published when it is beyond the threshold:
 * <ul>
 *   <li>the set of concerts in the top N differs (something entered or left the top N; default N = 10), or</li>
 *   <li>a concert ranked within the top W before or after (default W = 3) moved by at least D positions
 *       (default D = 3), e.g. from 1 to 4 or from 6 to 2.</li>
 * </ul>
 * Identical lists never publish. Reordering below the threshold does not either; compare with the last
 * <em>published</em> list, so small drifts add up until they cross it. {@code new ChangeDetector(Integer.MAX_VALUE,
 * Integer.MAX_VALUE, 1)} publishes every difference.
 */
public final class ChangeDetector {

    public static final int DEFAULT_TOP_N = 10;
    public static final int DEFAULT_MOVE_WINDOW = 3;
    public static final int DEFAULT_MIN_MOVE = 3;

    /** A concert in both lists at another rank (ranks start at 1). */
    public record Move(String concertId, int oldRank, int newRank) {

        public int distance() {
            return Math.abs(newRank - oldRank);
        }
    }

    /**
     * The difference between two lists, for {@code RecommendationChange}.
     *
     * @param added   in the new list only, in new rank order
     * @param removed in the old list only, in old rank order
     * @param moved   in both at different ranks, in new rank order
     */
    public record Change(List<String> added, List<String> removed, List<Move> moved) {

        public Change {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            moved = List.copyOf(moved);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && moved.isEmpty();
        }
    }

    private final int topN;
    private final int moveWindow;
    private final int minMove;

    /** Top 10 membership, or a move of 3 or more involving the top 3. */
    public ChangeDetector() {
        this(DEFAULT_TOP_N, DEFAULT_MOVE_WINDOW, DEFAULT_MIN_MOVE);
    }

    /**
     * @param topN       N: any concert entering or leaving the top N publishes; at least 1
     * @param moveWindow W: moves count when the old or new rank is at most W; at least 0 (0 = ignore moves)
     * @param minMove    D: the smallest move, in positions, that publishes; at least 1
     */
    public ChangeDetector(int topN, int moveWindow, int minMove) {
        if (topN < 1 || moveWindow < 0 || minMove < 1) {
            throw new IllegalArgumentException("need topN >= 1, moveWindow >= 0 and minMove >= 1, got "
                    + topN + ", " + moveWindow + ", " + minMove);
        }
        this.topN = topN;
        this.moveWindow = moveWindow;
        this.minMove = minMove;
    }

    /**
     * The change from {@code previous} (the last published concert ids in rank order; empty before the first)
     * to {@code current}, when it is beyond the threshold; empty otherwise.
     */
    public Optional<Change> detect(List<String> previous, List<String> current) {
        Change change = diff(previous, current);
        boolean beyond = !topIds(previous).equals(topIds(current));
        for (Move move : change.moved()) {
            beyond |= Math.min(move.oldRank(), move.newRank()) <= moveWindow && move.distance() >= minMove;
        }
        return beyond ? Optional.of(change) : Optional.empty();
    }

    /** The exact difference between two lists of distinct concert ids, whatever its size. */
    public static Change diff(List<String> previous, List<String> current) {
        Map<String, Integer> oldRanks = ranks(previous);
        Map<String, Integer> newRanks = ranks(current);
        List<String> added = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            String id = current.get(i);
            Integer oldRank = oldRanks.get(id);
            if (oldRank == null) {
                added.add(id);
            } else if (oldRank != i + 1) {
                moved.add(new Move(id, oldRank, i + 1));
            }
        }
        List<String> removed = new ArrayList<>();
        for (String id : previous) {
            if (!newRanks.containsKey(id)) {
                removed.add(id);
            }
        }
        return new Change(added, removed, moved);
    }

    private Set<String> topIds(List<String> ids) {
        return new HashSet<>(ids.subList(0, Math.min(topN, ids.size())));
    }

    private static Map<String, Integer> ranks(List<String> ids) {
        Objects.requireNonNull(ids, "ids");
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ranks.put(Objects.requireNonNull(ids.get(i), "concert id"), i + 1) != null) {
                throw new IllegalArgumentException("concert " + ids.get(i) + " appears twice in " + ids);
            }
        }
        return ranks;
    }
}
