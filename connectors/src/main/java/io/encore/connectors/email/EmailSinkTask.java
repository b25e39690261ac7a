package io.encore.connectors.email;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.connectors.common.Backoff;
import io.encore.connectors.common.EncoreRecordDecoder;
import io.encore.connectors.common.EncoreSinkTask;
import io.encore.connectors.common.ErrantRecords;
import io.encore.schemas.avro.EmailSend;

/**
 * Sends each {@code email-sends} record as one e-mail, synchronously and in order, in {@link #put}. A send id
 * is delivered at most once: before sending, the task looks the id up in its {@link DeliveredLedger}, and
 * records it there as soon as the server accepted the e-mail; offsets become committable only for records
 * delivered, skipped or reported errant, so a restart redelivers at most the unfinished part of a batch and
 * the ledger drops what was already sent. Logs name the send id only, never an address.
 */
public final class EmailSinkTask extends EncoreSinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSinkTask.class);

    /** The task's lifecycle; {@link #put} is legal only while {@code RUNNING}. */
    enum State { CREATED, RUNNING, STOPPED }

    private final TokenBucket.Sleeper backoffSleeper;
    private final Clock clock;
    private State state = State.CREATED;
    private EmailSinkConnectorConfig config;
    private EncoreRecordDecoder<EmailSend> decoder;
    private EmailRenderer renderer;
    private InternetAddress from;
    private ErrantRecords errant;
    private DeliveredLedger ledger;
    private TokenBucket rate;
    private SmtpMailSender sender;
    /** Next offset to commit per partition: records before it are delivered, already delivered or reported. */

    public EmailSinkTask() {
        this(nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)), Clock.systemUTC());
    }

    EmailSinkTask(TokenBucket.Sleeper backoffSleeper, Clock clock) {
        this.backoffSleeper = backoffSleeper;
        this.clock = clock;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new EmailSinkConnectorConfig(props);
        decoder = new EncoreRecordDecoder<>(EmailSend.class, EncoreRecordDecoder.wireFormat(config.originals()));
        renderer = new EmailRenderer(config.links());
        from = config.from();
        errant = ErrantRecords.of(context, props);
        rate = TokenBucket.realTime(config.ratePerSecond());
        ledger = DeliveredLedger.open(config.ledgerDir());
        sender = new SmtpMailSender(config);
        state = State.RUNNING;
        LOG.info("E-mail sink task started: SMTP {}:{}, {} e-mails/s, {} send ids already delivered", config.smtpHost(),
                config.smtpPort(), config.ratePerSecond(), ledger.size());
    }

    State state() {
        return state;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("put() on an e-mail sink task that is " + state);
        }
        for (SinkRecord record : records) {
            if (!handled.handled(record)) {
                handle(record);
                handled.markHandled(record);
            }
        }
    }

    private void handle(SinkRecord record) {
        EmailSend send;
        try {
            send = decoder.decode(record);
        } catch (DataException e) {
            errant.report(record, e);
            return;
        }
        if (send == null) {
            return;
        }
        if (ledger.contains(send.getSendId())) {
            LOG.debug("Send {} already delivered, skipped", send.getSendId());
            return;
        }
        MimeMessage message;
        try {
            message = EmailMessages.compose(sender.session(), from, send.getToAddress(), send.getSendId(),
                    renderer.render(send), Date.from(clock.instant()));
        } catch (AddressException e) {
            errant.report(record, new DataException("Send " + send.getSendId() + " has an invalid recipient address"));
            return;
        } catch (MessagingException e) {
            throw new ConnectException("Cannot build the e-mail of send " + send.getSendId() + ": "
                    + SmtpFailure.redact(e.getMessage()));
        }
        deliver(record, send.getSendId(), message);
    }

    /** Sends with retries of transient failures; returns once delivered or reported errant. */
    private void deliver(SinkRecord record, String sendId, MimeMessage message) {
        for (int attempt = 0; ; attempt++) {
            SmtpFailure failure;
            try {
                rate.acquire();
                sender.send(message);
                ledger.record(sendId);
                LOG.debug("Send {} delivered", sendId);
                return;
            } catch (MessagingException e) {
                failure = SmtpFailure.classify(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("Interrupted while sending " + sendId);
            }
            switch (failure.kind()) {
                case PERMANENT -> {
                    LOG.warn("Send {} undeliverable, reported as errant: {}", sendId, failure.reason());
                    errant.report(record, new ConnectException("Send " + sendId + " undeliverable: " + failure.reason()));
                    return;
                }
                case FATAL -> throw new ConnectException("Send " + sendId + " failed: " + failure.reason());
                case TRANSIENT -> backOff(sendId, attempt, failure);
            }
        }
    }

    private void backOff(String sendId, int attempt, SmtpFailure failure) {
        if (attempt >= config.maxRetries()) {
            context.timeout(config.retryBackoff().toMillis());
            throw new RetriableException("Send " + sendId + " failed " + (attempt + 1) + " times, the worker redelivers: "
                    + failure.reason());
        }
        Duration wait = Backoff.exponential(config.retryBackoff(), attempt);
        LOG.warn("Send {} failed (attempt {} of {}), retrying in {}: {}", sendId, attempt + 1, config.maxRetries() + 1, wait,
                failure.reason());
        try {
            backoffSleeper.sleepNanos(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while backing off send " + sendId);
        }
    }

    @Override
    public void stop() {
        state = State.STOPPED;
        if (sender != null) {
            sender.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }
}
