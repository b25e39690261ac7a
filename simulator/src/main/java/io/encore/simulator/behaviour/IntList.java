package io.encore.simulator.behaviour;

import java.util.Arrays;

/** A small growable list of ints (a guest's purchases, favourites): no boxing for hundreds of thousands of guests. */
final class IntList {

    private int[] values = new int[2];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    void remove(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                values[i] = values[--size];
                return;
            }
        }
    }

    int size() {
        return size;
    }
}
