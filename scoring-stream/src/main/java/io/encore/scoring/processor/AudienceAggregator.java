package io.encore.scoring.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.topic.GuestKeys;
import io.encore.scoring.avro.AudienceCandidate;
import io.encore.scoring.topology.ScoringNames;

/**
 * Keeps each concert's audience — the {@code audienceSize} guests most likely to buy it, by the score the
 * concert has in their ad list — and publishes it with what was added and removed since the last version.
 * Membership comes only from ADS lists, which exist only with ad consent; a guest whose list loses the
 * concert, or who withdraws consent, leaves the audience.
 *
 * <p>Candidates are batched: each one waits in a pending store (the newest per guest and concert), and every
 * {@code publishInterval} of wall-clock time each concert with pending candidates is updated and published
 * once. An audience is a large record (up to {@code audienceSize} members with their hashed keys); rebuilding,
 * storing and publishing it for every candidate made serializing audiences most of scoring-stream's work, while
 * ad platforms take audiences in batches anyway.
 */
public final class AudienceAggregator implements Processor<String, AudienceCandidate, String, ConcertAudience> {

    /** The guest id of a settle marker: empty, which no guest id is. */
    private static final String SETTLE_MARKER = "";

    private final int audienceSize;
    private final Duration publishInterval;
    private ProcessorContext<String, ConcertAudience> context;
    private KeyValueStore<String, ConcertAudience> audiences;
    private KeyValueStore<String, AudienceCandidate> pending;

    public AudienceAggregator(int audienceSize, Duration publishInterval) {
        this.audienceSize = audienceSize;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, ConcertAudience> context) {
        this.context = context;
        audiences = context.getStateStore(ScoringNames.STORE_AUDIENCES);
        pending = context.getStateStore(ScoringNames.STORE_AUDIENCE_PENDING);
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishPending);
    }

    @Override
    public void process(Record<String, AudienceCandidate> record) {
        AudienceCandidate candidate = record.value();
        if (candidate != null) {
            pending.put(pendingKey(candidate.getConcertId(), candidate.getGuestId()), candidate);
        }
    }

    /**
     * The key of a pending candidate: the concert id's length first, so one concert's candidates are
     * contiguous in key order and no concert id is a prefix of another's keys, whatever characters ids hold.
     */
    static String pendingKey(String concertId, String guestId) {
        return concertId.length() + ":" + concertId + "|" + guestId;
    }

    /** Every concert with pending candidates, updated and published once. */
    private void publishPending(long now) {
        Map<String, List<AudienceCandidate>> byConcert = new HashMap<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, AudienceCandidate> all = pending.all()) {
            all.forEachRemaining(entry -> {
                keys.add(entry.key);
                byConcert.computeIfAbsent(entry.value.getConcertId(), c -> new ArrayList<>()).add(entry.value);
            });
        }
        keys.forEach(pending::delete);
        byConcert.keySet().stream().sorted().forEach(concertId -> publish(concertId, byConcert.get(concertId), now));
    }

    private void publish(String concertId, List<AudienceCandidate> candidates, long now) {
        ConcertAudience previous = audiences.get(concertId);
        Map<String, AudienceMember> members = new HashMap<>();
        if (previous != null) {
            previous.getMembers().forEach(m -> members.put(m.getGuestId(), m));
        }
        for (AudienceCandidate candidate : candidates) {
            if (candidate.getRemoved()) {
                members.remove(candidate.getGuestId());
            } else {
                members.put(candidate.getGuestId(), member(candidate));
            }
        }
        List<AudienceMember> kept = new ArrayList<>(members.values());
        kept.sort(Comparator.comparingDouble((AudienceMember m) -> -m.getScore()).thenComparing(AudienceMember::getGuestId));
        List<AudienceMember> next = List.copyOf(kept.subList(0, Math.min(audienceSize, kept.size())));
        List<AudienceMember> before = previous == null ? List.of() : previous.getMembers();
        boolean settle = candidates.stream().anyMatch(AudienceAggregator::isSettleMarker);
        if (next.equals(before) && !(settle && previous != null && !previous.getRemoved().isEmpty())) {
            return;
        }
        long version = previous == null ? 1 : previous.getVersion() + 1;
        List<AudienceMember> removed = missingFrom(before, next);
        ConcertAudience audience = ConcertAudience.newBuilder().setConcertId(concertId)
                .setMembers(next).setAdded(missingFrom(next, before)).setRemoved(removed)
                .setVersion(version).setPreviousVersion(previous == null ? null : previous.getVersion())
                .setGeneratedAt(Instant.ofEpochMilli(now)).build();
        audiences.put(concertId, audience);
        context.forward(new Record<>(concertId, audience, now));
        if (!removed.isEmpty()) {
            pending.put(pendingKey(concertId, SETTLE_MARKER), settleMarker(concertId));
        }
    }

    /**
     * A version that removes guests names them (with their hashed keys) in {@code removed}, which the ad sink
     * needs once; but the last record of a compacted topic, and the store, would keep naming a guest who left
     * — an erased one too — until the concert's audience changed again. So a version with removals is followed,
     * at the next interval, by one that only repeats the members, unless another change came first.
     */
    private static AudienceCandidate settleMarker(String concertId) {
        return AudienceCandidate.newBuilder().setConcertId(concertId).setGuestId(SETTLE_MARKER).setRemoved(true)
                .setMatchKeys(List.of()).build();
    }

    private static boolean isSettleMarker(AudienceCandidate candidate) {
        return SETTLE_MARKER.equals(candidate.getGuestId());
    }

    private static AudienceMember member(AudienceCandidate candidate) {
        return new AudienceMember(candidate.getGuestId(), candidate.getScore(), candidate.getLookalike(),
                candidate.getMatchKeys().stream().map(key -> GuestKeys.parse(key).orElse(null))
                        .filter(Objects::nonNull).toList(),
                candidate.getRecommendationId());
    }

    private static List<AudienceMember> missingFrom(List<AudienceMember> these, List<AudienceMember> others) {
        Map<String, AudienceMember> byId = new HashMap<>();
        others.forEach(m -> byId.put(m.getGuestId(), m));
        return these.stream().filter(m -> !byId.containsKey(m.getGuestId())).toList();
    }
}
