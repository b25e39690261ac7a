package io.encore.simulator.output;

/**
 * Where the simulation's records go: Kafka topics, CSV files, memory. A sink receives records in the order
 * the simulation produces them, which is event-time order per guest.
 */
public interface EventSink extends AutoCloseable {

    void accept(SimRecord record);

    /** Blocks until every record accepted so far is written. */
    void flush();

    @Override
    void close();
}
