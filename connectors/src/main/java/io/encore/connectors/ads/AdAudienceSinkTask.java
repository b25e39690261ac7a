package io.encore.connectors.ads;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.connectors.common.EncoreSinkTask;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * Applies {@code concert-audiences} diffs to the platform audiences, record by record in partition order.
 *
 * <p>State: {@link #delivered} holds, per partition, the offset after the last record fully handled —
 * uploaded, or reported as errant. {@link #preCommit} commits exactly that, so a batch that ran out of
 * retries is read again. Uploads are idempotent (adding a present hash or removing an absent one changes
 * nothing), so resending the first batches of a record that failed half way is harmless.
 */
public final class AdAudienceSinkTask extends EncoreSinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(AdAudienceSinkTask.class);

    enum State { CREATED, RUNNING, STOPPED }

    private final BatchDelivery.Sleeper sleeper;
    private State state = State.CREATED;
    private AdAudienceSinkConnectorConfig config;
    private AvroSerde<ConcertAudience> serde;
    private BatchDelivery delivery;
    private long droppedMatchKeys;

    public AdAudienceSinkTask() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    AdAudienceSinkTask(BatchDelivery.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new AdAudienceSinkConnectorConfig(props);
        AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(config.registry()), false);
        serde = AvroSerde.specific(ConcertAudience.class, format, false);
        AdPlatformClient client = new AdPlatformClient(config.endpoint(), config.token(), config.requestTimeout());
        delivery = new BatchDelivery(client, config.maxRetries(), config.retryBackoff(), config.retryBackoffMax(), sleeper);
        state = State.RUNNING;
        LOG.info("Ad audience sink uploading to {} in batches of at most {} hashes", config.endpoint(), config.batchSize());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("put() on a task that is " + state);
        }
        for (SinkRecord record : records) {
            if (handled.handled(record)) {
                continue; // handled before the worker redelivered this batch after a RetriableException
            }
            try {
                handle(record);
            } catch (RetriableException e) {
                context.timeout(config.retryBackoff().toMillis());
                throw e;
            }
            handled.markHandled(record);
        }
    }

    private void handle(SinkRecord record) {
        ConcertAudience audience;
        try {
            audience = decode(record);
        } catch (SerializationException | DataException e) {
            reportErrant(record, e);
            return;
        }
        if (audience == null) {
            deleteAudiences(record);
            return;
        }
        AudienceUpdate.Plan plan = AudienceUpdate.plan(audience);
        if (plan.droppedMatchKeys() > 0) {
            droppedMatchKeys += plan.droppedMatchKeys();
            LOG.warn("Concert {} version {}: {} match keys dropped (not EMAIL_SHA256 hashes of 64 lower-case hex)",
                    audience.getConcertId(), audience.getVersion(), plan.droppedMatchKeys());
        }
        for (AudienceUpdate update : plan.updates()) {
            for (AudienceUpdate batch : update.batches(config.batchSize())) {
                if (delivery.deliver(batch) instanceof BatchDelivery.Outcome.Rejected rejected) {
                    reportErrant(record, new DataException("ad platform rejected " + batch.size()
                            + " hashes for audience " + batch.audienceId() + " with HTTP " + rejected.status()
                            + ": " + rejected.body()));
                    return;
                }
            }
        }
    }

    /**
     * A tombstone: the concert is past, cancelled or deleted, so its audience and look-alike audience go at the
     * platform too (deleting one the platform never had is fine). A key that is not a concert id is errant.
     */
    private void deleteAudiences(SinkRecord record) {
        if (!(record.key() instanceof String concertId) || concertId.isBlank()) {
            reportErrant(record, new DataException("tombstone without a concert id key: " + record.key()));
            return;
        }
        for (String audienceId : List.of(concertId, concertId + AudienceUpdate.LOOKALIKE_SUFFIX)) {
            if (delivery.delete(audienceId) instanceof BatchDelivery.Outcome.Rejected rejected) {
                reportErrant(record, new DataException("ad platform refused to delete audience " + audienceId
                        + " with HTTP " + rejected.status() + ": " + rejected.body()));
                return;
            }
        }
        LOG.info("Concert {} gone: its audiences deleted at the ad platform", concertId);
    }

    private ConcertAudience decode(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            return null;
        }
        if (!(value instanceof byte[] bytes)) {
            throw new DataException("expected the raw bytes of a ConcertAudience (value.converter="
                    + "org.apache.kafka.connect.converters.ByteArrayConverter), got " + value.getClass().getName());
        }
        return serde.deserializer().deserialize(record.topic(), bytes);
    }

    private void reportErrant(SinkRecord record, Exception error) {
        ErrantRecordReporter reporter = context.errantRecordReporter();
        if (reporter == null) {
            throw new ConnectException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " cannot be uploaded and no errant record reporter is configured "
                    + "(set errors.tolerance=all and errors.deadletterqueue.topic.name)", error);
        }
        LOG.warn("Record {}-{}@{} sent to the errant record reporter: {}", record.topic(), record.kafkaPartition(),
                record.kafkaOffset(), error.getMessage());
        // The worker waits for reported records to be written before it commits their offsets (KIP-610).
        reporter.report(record, error);
    }

    @Override
    public void stop() {
        state = State.STOPPED;
        if (serde != null) {
            serde.close();
        }
    }

    State state() {
        return state;
    }

    /** Match keys dropped since start because they were not valid hashes. */
    long droppedMatchKeys() {
        return droppedMatchKeys;
    }
}
