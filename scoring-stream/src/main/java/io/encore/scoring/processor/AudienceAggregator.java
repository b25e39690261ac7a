package io.encore.scoring.processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
 */
public final class AudienceAggregator implements Processor<String, AudienceCandidate, String, ConcertAudience> {

    private final int audienceSize;
    private ProcessorContext<String, ConcertAudience> context;
    private KeyValueStore<String, ConcertAudience> audiences;

    public AudienceAggregator(int audienceSize) {
        this.audienceSize = audienceSize;
    }

    @Override
    public void init(ProcessorContext<String, ConcertAudience> context) {
        this.context = context;
        audiences = context.getStateStore(ScoringNames.STORE_AUDIENCES);
    }

    @Override
    public void process(Record<String, AudienceCandidate> record) {
        AudienceCandidate candidate = record.value();
        if (candidate == null) {
            return;
        }
        ConcertAudience previous = audiences.get(candidate.getConcertId());
        Map<String, AudienceMember> members = new HashMap<>();
        if (previous != null) {
            previous.getMembers().forEach(m -> members.put(m.getGuestId(), m));
        }
        if (candidate.getRemoved()) {
            members.remove(candidate.getGuestId());
        } else {
            members.put(candidate.getGuestId(), member(candidate));
        }
        List<AudienceMember> kept = new ArrayList<>(members.values());
        kept.sort(Comparator.comparingDouble((AudienceMember m) -> -m.getScore()).thenComparing(AudienceMember::getGuestId));
        List<AudienceMember> next = List.copyOf(kept.subList(0, Math.min(audienceSize, kept.size())));
        List<AudienceMember> before = previous == null ? List.of() : previous.getMembers();
        List<AudienceMember> added = missingFrom(next, before);
        List<AudienceMember> removed = missingFrom(before, next);
        if (added.isEmpty() && removed.isEmpty() && sameScores(before, next)) {
            return;
        }
        long version = previous == null ? 1 : previous.getVersion() + 1;
        ConcertAudience audience = ConcertAudience.newBuilder().setConcertId(candidate.getConcertId())
                .setMembers(next).setAdded(added).setRemoved(removed).setVersion(version)
                .setPreviousVersion(previous == null ? null : previous.getVersion())
                .setGeneratedAt(Instant.ofEpochMilli(context.currentSystemTimeMs())).build();
        audiences.put(candidate.getConcertId(), audience);
        context.forward(new Record<>(candidate.getConcertId(), audience, record.timestamp()));
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

    private static boolean sameScores(List<AudienceMember> a, List<AudienceMember> b) {
        return a.equals(b);
    }
}
