package io.encore.simulator.behaviour;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

import io.encore.simulator.output.OutputTopic;

/** How the parts of the behaviour write records: through the world, which stamps and counts them. */
interface Emitter {

    void emit(OutputTopic topic, String key, SpecificRecord value);

    /** The {@code occurredAt} of an event that happens at simulated time {@code simulatedMillis}. */
    Instant stamp(long simulatedMillis);

    long seed();

    /** The simulated time now. */
    long now();
}
