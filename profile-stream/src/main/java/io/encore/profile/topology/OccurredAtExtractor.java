package io.encore.profile.topology;

import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for the input events: their {@code occurredAt}, so stream time, the de-duplication window and
 * every output timestamp follow when things happened, not when a tracker got round to sending them — a
 * history import in time order behaves like the live stream. A missing, non-positive or far-future
 * {@code occurredAt} falls back to the record's own timestamp, so one bad clock cannot push stream time
 * ahead; the record itself is then rejected by validation.
 */
public final class OccurredAtExtractor implements TimestampExtractor {

    private final long maxFutureSkewMillis;

    public OccurredAtExtractor(long maxFutureSkewMillis) {
        this.maxFutureSkewMillis = maxFutureSkewMillis;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long fallback = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
        if (!(record.value() instanceof SpecificRecord value)) {
            return fallback;
        }
        Schema.Field field = value.getSchema().getField("occurredAt");
        if (field == null || !(value.get(field.pos()) instanceof Instant occurredAt)) {
            return fallback;
        }
        long millis = occurredAt.toEpochMilli();
        boolean plausible = millis > 0 && millis <= System.currentTimeMillis() + maxFutureSkewMillis;
        return plausible ? millis : fallback;
    }
}
