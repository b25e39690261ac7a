package io.encore.simulator.catalogue;

/** A hall or stage of the venue and its seats. */
public record Hall(String name, int capacity) {

    public Hall {
        if (capacity < 1) {
            throw new IllegalArgumentException("hall " + name + " needs seats, got " + capacity);
        }
    }
}
