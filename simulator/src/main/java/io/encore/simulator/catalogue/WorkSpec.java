package io.encore.simulator.catalogue;

/** A work on a concert's programme and its composer. */
public record WorkSpec(String title, String composer) {
}
