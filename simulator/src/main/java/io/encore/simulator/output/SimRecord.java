package io.encore.simulator.output;

import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record the simulation produces: the topic, the key as docs/topics.md prescribes ({@code TYPE:value} for
 * guest-keyed topics, the id for the others) and the value.
 */
public record SimRecord(OutputTopic topic, String key, SpecificRecord value) {

    public SimRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!topic.valueType().isInstance(value)) {
            throw new IllegalArgumentException(topic.logicalName() + " takes " + topic.valueType().getSimpleName()
                    + ", not " + value.getClass().getSimpleName());
        }
    }
}
