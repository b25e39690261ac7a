package io.encore.connectors.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import io.encore.connectors.common.EncoreRecordDecoder;
import io.encore.connectors.common.EncoreSinkTask;
import io.encore.connectors.common.ErrantRecords;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.serde.AvroWireFormat;

/**
 * Writes each batch to Redis in one transaction, synchronously in {@link #put}: when {@code put} returns,
 * the batch is in Redis, and only then do its offsets become committable. A connection error makes the
 * worker redeliver the batch after {@code redis.retry.backoff.ms} (every write is idempotent); after
 * {@code redis.max.retries} failures in a row, or on an error Redis will repeat (a wrong key type), the task fails.
 */
public final class WebSinkTask extends EncoreSinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(WebSinkTask.class);

    /** The task's lifecycle; {@link #put} is legal only while {@code RUNNING}. */
    enum State { CREATED, RUNNING, STOPPED }

    private final Function<WebSinkConnectorConfig, WebStore> stores;
    private State state = State.CREATED;
    private WebSinkConnectorConfig config;
    private WebStore store;
    private WebEvents events;
    private WebBatchPlanner planner;
    private ErrantRecords errant;
    private int failedAttempts;
    /** Next offset to commit per partition: records up to it are in Redis, skipped or reported errant. */

    public WebSinkTask() {
        this(config -> new WebRedisStore(config.redisUrl(), config.keys()));
    }

    WebSinkTask(Function<WebSinkConnectorConfig, WebStore> stores) {
        this.stores = stores;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new WebSinkConnectorConfig(props);
        AvroWireFormat format = EncoreRecordDecoder.wireFormat(config.originals());
        events = new WebEvents(config.recommendationsTopic(), config.profilesTopic(),
                new EncoreRecordDecoder<>(RecommendationSet.class, format),
                new EncoreRecordDecoder<>(GuestProfile.class, format));
        planner = new WebBatchPlanner(config.keys(), config.ttlSeconds());
        errant = ErrantRecords.of(context, props);
        store = stores.apply(config);
        state = State.RUNNING;
        LOG.info("Web sink task started: {} and {} to Redis {} under '{}'", config.recommendationsTopic(),
                config.profilesTopic(), config.redisUrl().getHost(), config.keys().prefix());
    }

    State state() {
        return state;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("put() on a web sink task that is " + state);
        }
        if (records.isEmpty()) {
            return;
        }
        List<WebEvent> batch = new ArrayList<>();
        Map<SinkRecord, DataException> bad = new HashMap<>();
        for (SinkRecord record : records) {
            try {
                events.read(record).ifPresent(batch::add);
            } catch (DataException e) {
                bad.put(record, e);
            }
        }
        write(batch);
        // Reported only once the batch is in Redis, so a redelivered batch does not dead-letter twice.
        records.stream().filter(bad::containsKey).forEach(record -> errant.report(record, bad.get(record)));
        records.forEach(handled::markHandled);
    }

    private void write(List<WebEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Set<String> guests = new LinkedHashSet<>();
            batch.forEach(event -> guests.add(event.guestId()));
            store.apply(planner.plan(batch, store.read(guests)));
            failedAttempts = 0;
        } catch (JedisConnectionException e) {
            failedAttempts++;
            if (failedAttempts > config.maxRetries()) {
                throw new ConnectException("Redis unreachable after " + failedAttempts + " attempts", e);
            }
            LOG.warn("Redis write failed (attempt {} of {}), retrying in {}: {}", failedAttempts, config.maxRetries() + 1,
                    config.retryBackoff(), e.getMessage());
            context.timeout(config.retryBackoff().toMillis());
            throw new RetriableException("Redis write failed; the worker redelivers the batch", e);
        } catch (JedisException e) {
            throw new ConnectException("Redis rejected the web sink's writes", e);
        }
    }


    @Override
    public void stop() {
        state = State.STOPPED;
        if (store != null) {
            store.close();
        }
    }
}
