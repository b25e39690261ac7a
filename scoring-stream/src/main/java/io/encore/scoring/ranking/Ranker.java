package io.encore.scoring.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import io.encore.scoring.catalogue.Catalogue;

/**
 * Turns one model's scores into the ordered list a guest sees. Scores alone would fill a list with one
 * performer's dates and never show anything new, so the ranker
 * <ol>
 *   <li>selects the best {@code 4·N} eligible concerts by score (ties: lower catalogue index first; NaN
 *       scores are never ranked) with a bounded heap — one pass, no per-concert allocation;</li>
 *   <li>fills {@code N − E} slots greedily from them, skipping any concert that would put more than
 *       {@code maxPerPerformer} concerts of one performer or composer ({@code catalogue.performers}) or more
 *       than {@code maxPerTag} of one {@code tag:} concept key in the list;</li>
 *   <li>fills the {@code E = ⌊ε·N⌋} exploration slots with eligible concerts drawn uniformly at random from
 *       beyond the N highest scores (and outside the list), under the same caps — the way new and untried
 *       artists reach guests and the models learn about them;</li>
 *   <li>tops the list up from the candidates when exploration found too few, and places each explored
 *       concert at a random position from rank 2 on, so rank 1 is always the best exploited concert.</li>
 * </ol>
 * Caps are hard: when the candidates cannot fill N slots within them, the list is shorter. With the same
 * inputs and an identically seeded generator the list is identical.
 */
public final class Ranker {

    public static final int DEFAULT_SIZE = 10;
    public static final int DEFAULT_MAX_PER_PERFORMER = 2;
    public static final int DEFAULT_MAX_PER_TAG = 4;
    public static final double DEFAULT_EXPLORATION_SHARE = 0.1;

    /** Candidates considered for the exploited slots, as a multiple of N. */
    static final int POOL_FACTOR = 4;

    /** Absorbs binary rounding in ε·N (0.29·100 is 28.999…) before taking the floor. */
    private static final double FLOOR_TOLERANCE = 1e-9;

    private final int size;
    private final int maxPerPerformer;
    private final int maxPerTag;
    private final double explorationShare;

    /** N = 10, at most 2 per performer and 4 per tag, ε = 0.1. */
    public Ranker() {
        this(DEFAULT_SIZE, DEFAULT_MAX_PER_PERFORMER, DEFAULT_MAX_PER_TAG, DEFAULT_EXPLORATION_SHARE);
    }

    /**
     * @param size             N, the list length; at least 1
     * @param maxPerPerformer  K, at most this many concerts sharing a performer; at least 1
     * @param maxPerTag        M, at most this many concerts sharing a {@code tag:} key; at least 1
     * @param explorationShare ε in [0, 1]; ⌊ε·N⌋ slots are explored
     */
    public Ranker(int size, int maxPerPerformer, int maxPerTag, double explorationShare) {
        if (size < 1 || maxPerPerformer < 1 || maxPerTag < 1) {
            throw new IllegalArgumentException("size and caps must be at least 1, got size " + size
                    + ", per performer " + maxPerPerformer + ", per tag " + maxPerTag);
        }
        if (!(explorationShare >= 0.0 && explorationShare <= 1.0)) {
            throw new IllegalArgumentException("explorationShare must be in [0, 1], got " + explorationShare);
        }
        this.size = size;
        this.maxPerPerformer = maxPerPerformer;
        this.maxPerTag = maxPerTag;
        this.explorationShare = explorationShare;
    }

    /**
     * The ranked list for {@code scores} (indexed like {@code catalogue}) over the {@code eligible} concerts.
     * {@code random} decides exploration only; seed it from a stable key so re-scoring an unchanged guest
     * gives an unchanged list.
     */
    public List<Ranked> rank(float[] scores, BitSet eligible, Catalogue catalogue, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (scores.length < catalogue.size() || eligible.length() > catalogue.size()) {
            throw new IllegalArgumentException("scores (" + scores.length + ") and eligible (" + eligible.length()
                    + ") must cover the catalogue of " + catalogue.size() + " concerts, and no more");
        }
        int[] pool = TopCandidates.select(scores, eligible, POOL_FACTOR * size);
        DiversityCaps caps = new DiversityCaps(catalogue, maxPerPerformer, maxPerTag);
        int slots = explorationSlots();
        Picks exploited = new Picks(size);
        int cursor = exploited.fill(pool, 0, size - slots, caps, new int[0]);
        int[] explored = explore(scores, eligible, pool, exploited, slots, caps, random);
        exploited.fill(pool, cursor, size - explored.length, caps, explored);
        return assemble(scores, exploited, explored, random);
    }

    /** E = ⌊ε·N⌋. */
    public int explorationSlots() {
        return (int) Math.floor(explorationShare * size + FLOOR_TOLERANCE);
    }

    public int size() {
        return size;
    }

    private static int[] explore(float[] scores, BitSet eligible, int[] pool, Picks exploited, int slots,
                                 DiversityCaps caps, RandomGenerator random) {
        if (slots == 0) {
            return new int[0];
        }
        int top = Math.min(exploited.capacity(), pool.length);
        int[] excluded = new int[top + exploited.count()];
        System.arraycopy(pool, 0, excluded, 0, top);
        System.arraycopy(exploited.indices(), 0, excluded, top, exploited.count());
        Arrays.sort(excluded);
        int[] sample = ExplorationDraw.draw(scores, eligible, excluded, POOL_FACTOR * slots, random);
        int[] chosen = new int[slots];
        int taken = 0;
        for (int i = 0; i < sample.length && taken < slots; i++) {
            if (caps.admits(sample[i])) {
                caps.take(sample[i]);
                chosen[taken++] = sample[i];
            }
        }
        return Arrays.copyOf(chosen, taken);
    }

    private static List<Ranked> assemble(float[] scores, Picks exploited, int[] explored, RandomGenerator random) {
        List<Ranked> order = new ArrayList<>(exploited.count() + explored.length);
        for (int i = 0; i < exploited.count(); i++) {
            int concert = exploited.indices()[i];
            order.add(new Ranked(concert, scores[concert], 0, false));
        }
        for (int concert : explored) {
            int at = order.isEmpty() ? 0 : 1 + random.nextInt(order.size());
            order.add(at, new Ranked(concert, scores[concert], 0, true));
        }
        List<Ranked> ranked = new ArrayList<>(order.size());
        for (int position = 0; position < order.size(); position++) {
            Ranked item = order.get(position);
            ranked.add(new Ranked(item.concertIndex(), item.score(), position + 1, item.explored()));
        }
        return List.copyOf(ranked);
    }

    /** The exploited picks in score order, filled greedily under the caps. */
    private static final class Picks {

        private final int[] indices;
        private int count;

        Picks(int capacity) {
            indices = new int[capacity];
        }

        /**
         * Takes candidates from {@code pool[from..]} until {@code limit} picks, skipping capped ones and those in
         * {@code skip}; returns the position after the last candidate looked at.
         */
        int fill(int[] pool, int from, int limit, DiversityCaps caps, int[] skip) {
            int cursor = from;
            while (count < limit && cursor < pool.length) {
                int concert = pool[cursor++];
                if (!contains(skip, concert) && caps.admits(concert)) {
                    caps.take(concert);
                    indices[count++] = concert;
                }
            }
            return cursor;
        }

        int capacity() {
            return indices.length;
        }

        int count() {
            return count;
        }

        int[] indices() {
            return indices;
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
