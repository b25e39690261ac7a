package io.encore.scoring.ranking;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Partial selection of the best {@code k} eligible concerts with a bounded min-heap of indices, so ranking a
 * catalogue of thousands costs one pass and an {@code int[k]}, not a sorted copy of every score. Order is
 * score descending, then catalogue index ascending, so ties rank the same way every time; NaN scores are
 * skipped (a model bug must not put a concert first).
 */
final class TopCandidates {

    private TopCandidates() {
    }

    /** Indices of the best {@code k} eligible, non-NaN scores, best first; shorter when fewer qualify. */
    static int[] select(float[] scores, BitSet eligible, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            if (Float.isNaN(scores[i])) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (k > 0 && worse(heap[0], i, scores)) {
                heap[0] = i;
                siftDown(heap, 0, size, scores);
            }
        }
        // Heap sort: moving the worst to the end each time leaves the best first.
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            siftDown(heap, 0, end, scores);
        }
        return Arrays.copyOf(heap, size);
    }

    /** Whether concert {@code a} ranks below concert {@code b}. */
    static boolean worse(int a, int b, float[] scores) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && a > b);
    }

    private static void siftUp(int[] heap, int at, float[] scores) {
        int child = at;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!worse(heap[child], heap[parent], scores)) {
                return;
            }
            swap(heap, child, parent);
            child = parent;
        }
    }

    private static void siftDown(int[] heap, int at, int size, float[] scores) {
        int parent = at;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && worse(heap[left], heap[worst], scores)) {
                worst = left;
            }
            if (right < size && worse(heap[right], heap[worst], scores)) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(heap, parent, worst);
            parent = worst;
        }
    }

    private static void swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
