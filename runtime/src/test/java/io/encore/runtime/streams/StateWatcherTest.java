package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StateWatcherTest {

    @Test
    void shouldReleaseWithErrorWhenClientFails() throws Exception {
        // given
        StateWatcher watcher = new StateWatcher();
        CompletableFuture<State> terminal = CompletableFuture.supplyAsync(() -> awaitQuietly(watcher));

        // when
        watcher.onChange(State.REBALANCING, State.CREATED);
        watcher.onChange(State.RUNNING, State.REBALANCING);
        watcher.onChange(State.PENDING_ERROR, State.RUNNING);
        watcher.onChange(State.ERROR, State.PENDING_ERROR);

        // then
        await().atMost(Duration.ofSeconds(2)).until(terminal::isDone);
        assertThat(terminal.get()).isEqualTo(State.ERROR);
    }

    @Test
    void shouldStayBlockedWhenClientIsOnlyShuttingDown() {
        // given
        StateWatcher watcher = new StateWatcher();
        CompletableFuture<State> terminal = CompletableFuture.supplyAsync(() -> awaitQuietly(watcher));

        // when
        watcher.onChange(State.RUNNING, State.REBALANCING);
        watcher.onChange(State.PENDING_SHUTDOWN, State.RUNNING);

        // then
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !terminal.isDone());
        watcher.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);
        await().atMost(Duration.ofSeconds(2)).until(terminal::isDone);
        assertThat(terminal.join()).isEqualTo(State.NOT_RUNNING);
    }

    private static State awaitQuietly(StateWatcher watcher) {
        try {
            return watcher.awaitTerminal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
