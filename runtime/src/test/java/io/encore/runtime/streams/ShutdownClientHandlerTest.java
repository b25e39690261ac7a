package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ShutdownClientHandlerTest {

    @Test
    void shouldShutDownClientWhenExceptionEscapesStreamThread() {
        // when
        StreamThreadExceptionResponse response = new ShutdownClientHandler()
                .handle(new IllegalStateException("poison"));

        // then
        assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
