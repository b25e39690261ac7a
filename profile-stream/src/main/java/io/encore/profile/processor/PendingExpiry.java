package io.encore.profile.processor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.profile.avro.GuestEvent;
import io.encore.runtime.errors.DeadLetters;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.FailureStage;

/**
 * The dead letter of an event that waited the whole hold time for a concert that never appeared. The original
 * bytes are gone by then (the event was held in its normalized form), so the value is the normalized event as
 * JSON, which names its source topic and carries every field that was used.
 */
final class PendingExpiry {

    private PendingExpiry() {
    }

    static Record<String, SpecificRecord> deadLetter(String application, GuestEvent event, Duration hold, long now) {
        String reason = "concert " + event.getConcertId() + " still unknown after holding the event for " + hold;
        DeadLetters.Origin origin = new DeadLetters.Origin(event.getSourceTopic(), null, null,
                event.getIdentifier().getBytes(StandardCharsets.UTF_8),
                event.toString().getBytes(StandardCharsets.UTF_8), null);
        DeadLetter letter = DeadLetters.letter(application, FailureStage.PROCESSING, reason, null, origin,
                Instant.ofEpochMilli(now));
        return new Record<String, SpecificRecord>(letter.getId(), letter, now, DeadLetters.headers(letter));
    }
}
