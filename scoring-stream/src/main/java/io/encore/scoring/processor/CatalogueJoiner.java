package io.encore.scoring.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.runtime.errors.RejectedRecordException;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.scoring.avro.CatalogueEntry;
import io.encore.scoring.topology.ScoringNames;

/**
 * Joins {@code concerts} with {@code concert-profiles} (co-partitioned by concert id) into one
 * {@link CatalogueEntry} per concert and forwards it whenever either side changes; the sink broadcasts it to
 * every partition of the private catalogue topic. A concert is entered unprofiled until its profile arrives,
 * so a sell-out or a cancellation still reaches every task at once.
 */
public final class CatalogueJoiner implements Processor<String, SpecificRecord, String, CatalogueEntry> {

    private ProcessorContext<String, CatalogueEntry> context;
    private KeyValueStore<String, CatalogueEntry> entries;

    @Override
    public void init(ProcessorContext<String, CatalogueEntry> context) {
        this.context = context;
        entries = context.getStateStore(ScoringNames.STORE_CATALOGUE_JOIN);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String concertId = record.key();
        if (concertId == null || concertId.isBlank()) {
            throw new RejectedRecordException("catalogue record without a concert id key");
        }
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        boolean fromProfiles = topic.endsWith("concert-profiles");
        CatalogueEntry previous = entries.get(concertId);
        CatalogueEntry next = record.value() == null
                ? removed(concertId, previous, fromProfiles)
                : record.value() instanceof Concert concert ? withConcert(previous, concert)
                : withProfile(previous, concertId, (ConcertProfile) record.value());
        if (next == null) {
            return;
        }
        if (next.getDeleted()) {
            entries.delete(concertId);
        } else {
            entries.put(concertId, next);
        }
        context.forward(new Record<>(concertId, next, record.timestamp()));
    }

    private static CatalogueEntry removed(String concertId, CatalogueEntry previous, boolean profileOnly) {
        if (previous == null) {
            return null;
        }
        if (profileOnly) {
            return CatalogueEntry.newBuilder(previous).setProfiled(false).setConceptKeys(List.of())
                    .setConceptWeights(List.of()).setVector(List.of()).build();
        }
        return CatalogueEntry.newBuilder(previous).setDeleted(true).build();
    }

    private static CatalogueEntry withConcert(CatalogueEntry previous, Concert concert) {
        if (previous != null && previous.getVersion() > concert.getVersion()) {
            return null; // a late, older version
        }
        List<String> performers = new ArrayList<>();
        for (Performer performer : concert.getPerformers()) {
            performers.add(performer.getName().strip().toLowerCase(Locale.ROOT));
        }
        for (String composer : concert.getComposers()) {
            performers.add(composer.strip().toLowerCase(Locale.ROOT));
        }
        CatalogueEntry.Builder entry = previous == null
                ? CatalogueEntry.newBuilder().setConcertId(concert.getConcertId())
                : CatalogueEntry.newBuilder(previous);
        return entry.setTitle(concert.getTitle())
                .setStartTime(concert.getStartTime() == null ? null : concert.getStartTime().toEpochMilli())
                .setHall(concert.getHall())
                .setCheapestSeatMinor(concert.getPriceRange() == null ? null : concert.getPriceRange().getMinAmountMinor())
                .setStatus(concert.getStatus().name())
                .setSeatsAvailable(concert.getSeatsAvailable())
                .setPerformers(performers)
                .setVersion(concert.getVersion())
                .setDeleted(false)
                .build();
    }

    private static CatalogueEntry withProfile(CatalogueEntry previous, String concertId, ConcertProfile profile) {
        List<String> keys = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (WeightedConcept concept : profile.getConcepts()) {
            keys.add(concept.getKind().name().toLowerCase(Locale.ROOT) + ":" + concept.getConcept());
            weights.add(concept.getWeight());
        }
        CatalogueEntry.Builder entry = previous == null
                ? CatalogueEntry.newBuilder().setConcertId(concertId) // profile before the concert: facts follow
                : CatalogueEntry.newBuilder(previous);
        return entry.setConceptKeys(keys).setConceptWeights(weights).setVector(profile.getVector()).setProfiled(true)
                .build();
    }
}
