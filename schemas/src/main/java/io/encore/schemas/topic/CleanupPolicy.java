package io.encore.schemas.topic;

/** How a topic keeps data: event streams expire, current-state topics keep the last value per key. */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the topic's {@code cleanup.policy} config. */
    public String configValue() {
        return configValue;
    }
}
