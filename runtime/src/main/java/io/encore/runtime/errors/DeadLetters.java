package io.encore.runtime.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.FailureStage;

/**
 * Builds the records every Encore component writes to {@code dead-letters}: a {@link DeadLetter} value with
 * the original key and value bytes, plus Kafka headers that repeat the essentials so an operator can filter
 * without decoding Avro: {@value #REASON_HEADER}, {@value #STAGE_HEADER}, {@value #SOURCE_TOPIC_HEADER},
 * {@value #SOURCE_PARTITION_HEADER}, {@value #SOURCE_OFFSET_HEADER}, {@value #APPLICATION_HEADER}.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "encore.dlq.reason";
    public static final String STAGE_HEADER = "encore.dlq.stage";
    public static final String SOURCE_TOPIC_HEADER = "encore.dlq.source.topic";
    public static final String SOURCE_PARTITION_HEADER = "encore.dlq.source.partition";
    public static final String SOURCE_OFFSET_HEADER = "encore.dlq.source.offset";
    public static final String APPLICATION_HEADER = "encore.dlq.application";

    /** Reasons are cut to this length; a stack trace belongs in the logs, not in every record. */
    static final int MAX_REASON_LENGTH = 1_000;

    private DeadLetters() {
    }

    /** Where a failed record came from; partition and offset are null for records that had no source offset. */
    public record Origin(String topic, Integer partition, Long offset, byte[] key, byte[] value, Headers headers) {
    }

    public static DeadLetter letter(String application, FailureStage stage, String reason, Throwable cause,
                                    Origin origin, Instant failedAt) {
        Map<String, String> headers = new HashMap<>();
        if (origin.headers() != null) {
            for (Header header : origin.headers()) {
                headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return DeadLetter.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setFailedAt(failedAt)
                .setApplication(application)
                .setStage(stage)
                .setReason(truncate(reason == null ? String.valueOf(cause) : reason))
                .setExceptionClass(cause == null ? null : cause.getClass().getName())
                .setSourceTopic(origin.topic() == null ? "" : origin.topic())
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setKey(origin.key() == null ? null : ByteBuffer.wrap(origin.key()))
                .setValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .setHeaders(headers)
                .build();
    }

    /** The record to produce, keyed by the letter's id, with the essentials repeated as headers. */
    public static ProducerRecord<byte[], byte[]> record(String topic, DeadLetter letter, Serializer<DeadLetter> serializer) {
        Headers headers = headers(letter);
        byte[] value = serializer.serialize(topic, headers, letter);
        return new ProducerRecord<>(topic, null, letter.getId().getBytes(StandardCharsets.UTF_8), value, headers);
    }

    public static Headers headers(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(letter.getReason()));
        headers.add(STAGE_HEADER, utf8(letter.getStage().name()));
        headers.add(SOURCE_TOPIC_HEADER, utf8(letter.getSourceTopic()));
        headers.add(APPLICATION_HEADER, utf8(letter.getApplication()));
        if (letter.getSourcePartition() != null) {
            headers.add(SOURCE_PARTITION_HEADER, utf8(letter.getSourcePartition().toString()));
        }
        if (letter.getSourceOffset() != null) {
            headers.add(SOURCE_OFFSET_HEADER, utf8(letter.getSourceOffset().toString()));
        }
        return headers;
    }

    /** The reason of a failure: the deepest message in the cause chain, which is usually the specific one. */
    public static String reason(Throwable failure) {
        Throwable deepest = failure;
        StringBuilder reason = new StringBuilder(failure.getMessage() == null
                ? failure.getClass().getSimpleName() : failure.getMessage());
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) {
                reason.append(": ").append(deepest.getMessage());
            }
        }
        return truncate(reason.toString());
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
