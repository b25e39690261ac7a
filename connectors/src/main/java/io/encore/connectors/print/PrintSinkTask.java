package io.encore.connectors.print;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.connectors.common.Backoff;
import io.encore.connectors.common.EncoreRecordDecoder;
import io.encore.connectors.common.EncoreSinkTask;
import io.encore.connectors.common.ErrantRecords;
import io.encore.schemas.avro.PrintSend;

/**
 * Writes each {@code print-sends} record as one PDF and one manifest line, synchronously and in order, in
 * {@link #put}. Delivering a piece is idempotent ({@link PrintOutput}), so a redelivered record writes nothing
 * twice; offsets become committable only for records delivered, skipped or reported errant. An I/O error is
 * retried with a doubling backoff, then the batch goes back to the worker ({@link RetriableException}); a
 * record that can never be printed goes to the errant-record reporter. Logs carry send ids and counts only:
 * names and addresses are personal data.
 */
public final class PrintSinkTask extends EncoreSinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(PrintSinkTask.class);

    /** Waits between retries; a seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The task's lifecycle; {@link #put} is legal only while {@code RUNNING}. */
    enum State { CREATED, RUNNING, STOPPED }

    private final Sleeper sleeper;
    private State state = State.CREATED;
    private PrintSinkConnectorConfig config;
    private EncoreRecordDecoder<PrintSend> decoder;
    private PrintRenderer renderer;
    private ErrantRecords errant;
    private PrintOutput output;
    /** Next offset to commit per partition: records before it are delivered, skipped or reported. */

    public PrintSinkTask() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    PrintSinkTask(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PrintSinkConnectorConfig(props);
        decoder = new EncoreRecordDecoder<>(PrintSend.class, EncoreRecordDecoder.wireFormat(config.originals()));
        renderer = new PrintRenderer(config.homeCountry());
        errant = ErrantRecords.of(context, props);
        output = PrintOutput.open(config.outputDirectory());
        state = State.RUNNING;
        LOG.info("Print sink task started: writing to {}", config.outputDirectory());
    }

    State state() {
        return state;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("put() on a print sink task that is " + state);
        }
        int written = 0;
        for (SinkRecord record : records) {
            if (!handled.handled(record)) {
                if (handle(record)) {
                    written++;
                }
                handled.markHandled(record);
            }
        }
        if (written > 0) {
            LOG.info("Pieces written: {}", written);
        }
    }

    /** Delivers or reports one record; true when a new PDF was written. */
    private boolean handle(SinkRecord record) {
        PrintSend send;
        try {
            send = decoder.decode(record);
        } catch (DataException e) {
            errant.report(record, e);
            return false;
        }
        if (send == null) {
            return false;
        }
        Optional<String> problem = PrintSendCheck.problem(send);
        if (problem.isPresent()) {
            LOG.warn("{} reported as errant: {}", EncoreRecordDecoder.where(record), problem.get());
            errant.report(record, new DataException(problem.get()));
            return false;
        }
        try {
            return deliver(send) == PrintOutput.Outcome.WRITTEN;
        } catch (DataException e) {
            LOG.warn("Send {} reported as errant: {}", send.getSendId(), e.getMessage());
            errant.report(record, e);
            return false;
        }
    }

    /** Delivers with retries of I/O errors; returns once delivered. */
    private PrintOutput.Outcome deliver(PrintSend send) {
        for (int attempt = 0; ; attempt++) {
            try {
                PrintOutput.Outcome outcome = output.deliver(send, renderer::render);
                if (outcome == PrintOutput.Outcome.MANIFEST_COMPLETED) {
                    LOG.info("Send {}: its PDF was written before the manifest line, the line is added now", send.getSendId());
                } else {
                    LOG.debug("Send {}: {}", send.getSendId(), outcome);
                }
                return outcome;
            } catch (IOException e) {
                backOff(send.getSendId(), attempt, e);
            }
        }
    }

    private void backOff(String sendId, int attempt, IOException failure) {
        if (attempt >= config.maxRetries()) {
            context.timeout(config.retryBackoff().toMillis());
            throw new RetriableException("Send " + sendId + " failed " + (attempt + 1) + " times, the worker redelivers: "
                    + failure, failure);
        }
        Duration wait = Backoff.exponential(config.retryBackoff(), attempt);
        LOG.warn("Send {} failed (attempt {} of {}), retrying in {}: {}", sendId, attempt + 1, config.maxRetries() + 1, wait,
                failure.toString());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while backing off send " + sendId, e);
        }
    }

    @Override
    public void stop() {
        state = State.STOPPED;
        if (output != null) {
            output.close();
            output = null;
        }
    }
}
