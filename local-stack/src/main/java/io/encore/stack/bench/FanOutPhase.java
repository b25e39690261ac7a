package io.encore.stack.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.avro.RecommendationChangeReason;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * A concert announced to every guest: produced to {@code concerts}, profiled by profile-stream, broadcast to
 * every scoring task, which re-scores all its guests a batch per tick. The sweep is not visible from outside, so
 * its end is taken as the last {@code CATALOGUE_CHANGED} change before the apps are caught up and no such change
 * came for a quiet period longer than several ticks.
 */
final class FanOutPhase {

    private final String bootstrap;
    private final TopicCatalogue topics;

    FanOutPhase(String bootstrap, TopicCatalogue topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    /**
     * @param lag     the apps' summed lag, 0 once both are caught up
     * @param quiet   how long without a catalogue change ends the sweep
     * @param timeout the longest the sweep may take before the result says it did not complete
     */
    BenchResult.FanOut run(ChangeFeed feed, Concert concert, int guests, LongSupplier lag, Duration quiet,
                           Duration timeout) {
        feed.drain();
        long started;
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap)) {
            Clients.send(producer, topics.concerts(), concert.getConcertId(), concert);
            producer.flush();
            started = System.nanoTime();
        }
        long last = -1;
        long first = -1;
        long changes = 0;
        long withConcert = 0;
        long lastLagCheck = 0;
        boolean caughtUp = false;
        while (System.nanoTime() - started < timeout.toNanos()) {
            for (RecommendationChange change : feed.poll(Duration.ofMillis(100))) {
                if (change.getReason() == RecommendationChangeReason.CATALOGUE_CHANGED) {
                    long now = System.nanoTime();
                    changes++;
                    last = now;
                    caughtUp = false;
                    if (change.getAddedConcertIds().contains(concert.getConcertId())) {
                        withConcert++;
                        first = first < 0 ? now : first;
                    }
                }
            }
            long now = System.nanoTime();
            if (last > 0 && now - last > quiet.toNanos()) {
                if (now - lastLagCheck > 500_000_000L) {
                    caughtUp = lag.getAsLong() == 0;
                    lastLagCheck = now;
                }
                if (caughtUp) {
                    return new BenchResult.FanOut(guests, true, (last - started) / 1e9,
                            first < 0 ? Double.NaN : (first - started) / 1e9, changes, withConcert);
                }
            }
        }
        return new BenchResult.FanOut(guests, false, timeout.toNanos() / 1e9,
                first < 0 ? Double.NaN : (first - started) / 1e9, changes, withConcert);
    }
}
