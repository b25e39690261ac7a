package io.encore.web;

import java.time.Clock;
import java.util.Objects;

import io.encore.web.actions.EventSink;
import io.encore.web.apps.StreamApis;
import io.encore.web.catalogue.Catalogue;
import io.encore.web.guests.GuestDirectory;
import io.encore.web.operator.AdAudiences;
import io.encore.web.operator.ChangeCounter;
import io.encore.web.operator.KafkaStats;
import io.encore.web.operator.LatencyTracker;
import io.encore.web.operator.Outbox;
import io.encore.web.operator.SegmentTransitions;
import io.encore.web.recs.WebSets;
import io.encore.web.tracking.SendDirectory;

/**
 * Everything the web app reads and writes, as small parts: {@link KafkaWebSources} wires them to Kafka, Redis
 * and the stream apps' HTTP APIs, tests plug in fakes, and the demo adds its {@link Outbox} (SMTP capture) and
 * {@link AdAudiences} (ad platform stand-in).
 *
 * @param catalogue   concerts, filled from {@code concerts}
 * @param guests      guests and first names, filled from {@code guest-profiles} and {@code guest-contacts}
 * @param sends       send id → guest and campaign, filled from {@code email-sends}
 * @param webSets     the visitor's current WEB list (Redis, then scoring-stream)
 * @param events      where the visitor's actions are written (the input topics)
 * @param apis        the stream apps' HTTP APIs ({@code /models}, {@code /segments})
 * @param kafkaStats  end offsets and consumer lag
 * @param changes     recommendation changes counted, filled from {@code recommendation-changes}
 * @param latency     event-to-change latency, filled from {@code guest-profiles} and {@code recommendation-changes}
 * @param transitions segment moves, filled from {@code segment-changes}
 */
public record WebSources(Catalogue catalogue, GuestDirectory guests, SendDirectory sends, WebSets webSets,
                         EventSink events, StreamApis apis, KafkaStats kafkaStats, Outbox outbox,
                         AdAudiences audiences, ChangeCounter changes, LatencyTracker latency,
                         SegmentTransitions transitions, Clock clock) {

    public WebSources {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(guests, "guests");
        Objects.requireNonNull(sends, "sends");
        Objects.requireNonNull(webSets, "webSets");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(apis, "apis");
        Objects.requireNonNull(kafkaStats, "kafkaStats");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(audiences, "audiences");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(clock, "clock");
    }
}
