package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class StreamsRunnerTest {

    @Test
    void shouldExitZeroWhenClientShutDownCleanly() {
        // when / then
        assertThat(StreamsRunner.exitCode(KafkaStreams.State.NOT_RUNNING)).isZero();
    }

    @Test
    void shouldExitOneWhenClientWentToError() {
        // when / then
        assertThat(StreamsRunner.exitCode(KafkaStreams.State.ERROR)).isEqualTo(1);
    }

    @Test
    void shouldRejectWhenStateIsNotTerminal() {
        // when / then
        assertThatThrownBy(() -> StreamsRunner.exitCode(KafkaStreams.State.RUNNING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a terminal state: RUNNING");
    }
}
