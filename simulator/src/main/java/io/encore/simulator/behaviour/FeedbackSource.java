package io.encore.simulator.behaviour;

import java.util.function.Consumer;

/** Delivers what Encore publishes to the simulation, from a thread of its own. */
public interface FeedbackSource extends AutoCloseable {

    /** Starts delivering; {@code into} must be safe to call from another thread. */
    void start(Consumer<Feedback> into);

    @Override
    void close();
}
