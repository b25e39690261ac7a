package io.encore.stack;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps one known, retried broker complaint off the console (the log file still has it). Under transactions
 * v2 the embedded broker rejects a batch whose sequence is not 0 for a producer it has no state for yet
 * (KAFKA-18202) and logs it as an ERROR with a stack trace: with several batches in flight, a later batch can
 * arrive while the first is still being verified. The producer retries it and nothing is lost, but a newcomer's
 * console filled with such traces hides the errors that matter.
 */
public final class RetriableBrokerErrors extends Filter<ILoggingEvent> {

    static final String LOGGER = "kafka.server.ReplicaManager";
    static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return LOGGER.equals(event.getLoggerName()) && thrown != null && EXCEPTION.equals(thrown.getClassName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
