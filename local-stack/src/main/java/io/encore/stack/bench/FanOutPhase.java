package io.encore.stack.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * A concert announced to every guest: produced to {@code concerts}, profiled by profile-stream, broadcast to every
 * scoring task, which re-scores all its guests a batch per tick and publishes the lists that changed. The sweep is
 * done when scoring-stream's {@code sweep-rescore-total} grew by the number of guests; the fan-out ends there, or
 * at the last {@code CATALOGUE_CHANGED} change that a read_committed consumer sees shortly after, if later.
 */
final class FanOutPhase {

    /** Longer than a commit interval: the sweep's last changes become visible with the next commit. */
    private static final long TRAILING_NANOS = 1_500_000_000L;

    private final String bootstrap;
    private final TopicCatalogue topics;

    FanOutPhase(String bootstrap, TopicCatalogue topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    /**
     * @param swept   guests re-scored by catalogue sweeps so far, summed over scoring-stream's tasks
     * @param timeout the longest the sweep may take before the result says it did not complete
     */
    BenchResult.FanOut run(ChangeFeed feed, Concert concert, int guests, LongSupplier swept, Duration timeout) {
        feed.drain();
        long before = swept.getAsLong();
        long started;
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap)) {
            Clients.send(producer, topics.concerts(), concert.getConcertId(), concert);
            producer.flush();
            started = System.nanoTime();
        }
        long last = -1;
        long first = -1;
        long sweptAt = -1;
        long changes = 0;
        long withConcert = 0;
        while (System.nanoTime() - started < timeout.toNanos()) {
            for (RecommendationChange change : feed.poll(Duration.ofMillis(100))) {
                if (change.getReason() == RecommendationChangeReason.CATALOGUE_CHANGED) {
                    long now = System.nanoTime();
                    changes++;
                    last = now;
                    if (change.getAddedConcertIds().contains(concert.getConcertId())) {
                        withConcert++;
                        first = first < 0 ? now : first;
                    }
                }
            }
            long now = System.nanoTime();
            if (sweptAt < 0 && swept.getAsLong() - before >= guests) {
                sweptAt = now;
            }
            if (sweptAt > 0 && now - sweptAt > TRAILING_NANOS) {
                return new BenchResult.FanOut(guests, true, (Math.max(sweptAt, last) - started) / 1e9,
                        first < 0 ? Double.NaN : (first - started) / 1e9, changes, withConcert);
            }
        }
        return new BenchResult.FanOut(guests, false, timeout.toNanos() / 1e9,
                first < 0 ? Double.NaN : (first - started) / 1e9, changes, withConcert);
    }
}
