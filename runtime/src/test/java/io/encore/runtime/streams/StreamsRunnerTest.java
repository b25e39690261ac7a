package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
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

    @Test
    void shouldReturnOnlyWhenTheFirstCloseHasFinishedWhenClosedTwiceAtOnce() throws Exception {
        // given: a client (never started) with an extra whose close blocks until released
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "runner-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        StreamsRunner runner = new StreamsRunner(builder.build(), props, Duration.ofSeconds(5));
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.alsoClose(() -> {
            closing.countDown();
            release.await();
        });
        CompletableFuture<Void> first = CompletableFuture.runAsync(runner::close);
        assertThat(closing.await(10, TimeUnit.SECONDS)).isTrue();
        // when: a second close while the first still runs
        CompletableFuture<Void> second = CompletableFuture.runAsync(runner::close);
        // then: it waits for the first
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        second.get(10, TimeUnit.SECONDS);
        first.get(10, TimeUnit.SECONDS);
    }
}
