package io.encore.runtime.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception that escaped every processing handler means the code or the data is wrong in a way retrying
 * will not fix: stop this client (ERROR, exit code 1) so the orchestrator restarts it and someone looks,
 * rather than replacing the thread and failing on the same record forever.
 */
final class ShutdownClientHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("Uncaught exception in a stream thread; shutting the Kafka Streams client down", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
