package io.encore.runtime.streams;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every state transition and releases whoever waits for the client's end, which is NOT_RUNNING after a
 * clean close or ERROR after a fatal failure.
 */
final class StateWatcher implements KafkaStreams.StateListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicReference<KafkaStreams.State> last = new AtomicReference<>(KafkaStreams.State.CREATED);

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_ERROR) {
            LOG.error("Kafka Streams state {} -> {}", oldState, newState);
        } else {
            LOG.info("Kafka Streams state {} -> {}", oldState, newState);
        }
        last.set(newState);
        if (isTerminal(newState)) {
            terminated.countDown();
        }
    }

    /** Blocks until the client reaches a terminal state and returns that state. */
    KafkaStreams.State awaitTerminal() throws InterruptedException {
        terminated.await();
        return last.get();
    }

    static boolean isTerminal(KafkaStreams.State state) {
        return state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.ERROR;
    }
}
