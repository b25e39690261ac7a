package io.encore.schemas.registry;

/** Compatibility levels of the Confluent API; Encore's stack runs with {@link #BACKWARD}. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE
}
