package io.encore.web.catalogue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;

/**
 * The concert catalogue in memory, followed from the compacted {@code concerts} topic: what the concert
 * pages, the cards of the "selected for you" row, the calendar and ticket prices are drawn from. A record
 * with a lower {@code version} than the one held is stale and ignored; a tombstone removes the concert.
 */
public final class Catalogue {

    private final Map<String, Concert> concerts = new ConcurrentHashMap<>();

    /** Applies one record of the topic: {@code concert} null is a tombstone. */
    public void apply(String concertId, Concert concert) {
        if (concertId == null) {
            return;
        }
        if (concert == null) {
            concerts.remove(concertId);
            return;
        }
        concerts.merge(concertId, concert, (held, next) -> next.getVersion() >= held.getVersion() ? next : held);
    }

    public Optional<Concert> get(String concertId) {
        return Optional.ofNullable(concerts.get(concertId));
    }

    public int size() {
        return concerts.size();
    }

    /** The next {@code limit} concerts on sale that start after {@code now}, soonest first: the calendar row. */
    public List<Concert> upcoming(Instant now, int limit) {
        return concerts.values().stream()
                .filter(c -> c.getStatus() == ConcertStatus.ON_SALE && c.getStartTime() != null
                        && c.getStartTime().isAfter(now))
                .sorted(Comparator.comparing(Concert::getStartTime).thenComparing(Concert::getConcertId))
                .limit(limit)
                .toList();
    }
}
