package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

class RetriableBrokerErrorsTest {

    private final LoggerContext context = new LoggerContext();
    private final RetriableBrokerErrors filter = new RetriableBrokerErrors();

    @Test
    void shouldKeepTheBrokersRetriedSequenceRejectionOffTheConsole() {
        assertThat(filter.decide(event(RetriableBrokerErrors.LOGGER, new OutOfOrderSequenceException("seq 97"))))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldLetEveryOtherErrorThrough() {
        assertThat(filter.decide(event(RetriableBrokerErrors.LOGGER, new IllegalStateException("disk"))))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event(RetriableBrokerErrors.LOGGER, null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.log.LogManager", new OutOfOrderSequenceException("seq 1"))))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String logger, Throwable thrown) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.ERROR, "append failed",
                thrown, null);
    }
}
