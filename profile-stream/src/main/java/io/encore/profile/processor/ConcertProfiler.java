package io.encore.profile.processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.profile.avro.ConcertTerms;
import io.encore.profile.concepts.Concept;
import io.encore.profile.concepts.ConceptExtractor;
import io.encore.profile.concepts.ConceptProfiler;
import io.encore.profile.concepts.ConceptWeights;
import io.encore.profile.concepts.TextAnalysis;
import io.encore.profile.config.ProfileSettings;
import io.encore.runtime.errors.RejectedRecordException;
import io.encore.profile.topology.ProfileNames;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertProfile;
import io.encore.schemas.avro.WeightedConcept;

/**
 * Profiles every concert of the catalogue when it appears or changes, on the single partition of the private
 * catalogue topic where all concerts meet, because TF-IDF needs the document frequencies of the whole
 * catalogue. A change moves those frequencies for every other concert a little; a wall-clock refresh
 * re-weights the catalogue and republishes only concerts whose vector moved noticeably (cosine below
 * {@value #REPUBLISH_BELOW_COSINE}), so a new concert does not make scoring re-score everything.
 */
public final class ConcertProfiler implements Processor<String, Concert, String, SpecificRecord> {

    static final String DOCUMENTS_KEY = "#documents";
    static final double REPUBLISH_BELOW_COSINE = 0.995;

    private final ProfileSettings settings;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, ConcertTerms> terms;
    private KeyValueStore<String, Long> frequencies;
    private TextAnalysis analysis;
    private ConceptExtractor extractor;
    private ConceptProfiler profiler;
    private boolean dirty;

    public ConcertProfiler(ProfileSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        terms = context.getStateStore(ProfileNames.STORE_CONCERT_TERMS);
        frequencies = context.getStateStore(ProfileNames.STORE_DOCUMENT_FREQUENCIES);
        analysis = new TextAnalysis();
        extractor = new ConceptExtractor(analysis, ConceptWeights.DEFAULT);
        profiler = new ConceptProfiler(settings.conceptTopK(), settings.dimension());
        dirty = true;
        context.schedule(settings.catalogueRefresh(), PunctuationType.WALL_CLOCK_TIME, this::refresh);
    }

    @Override
    public void process(Record<String, Concert> record) {
        Concert concert = record.value();
        if (concert == null) {
            remove(record.key(), record.timestamp());
            return;
        }
        validate(concert);
        ConcertTerms previous = terms.get(concert.getConcertId());
        if (previous != null && concert.getVersion() < previous.getVersion()) {
            return; // an older version arriving late: the catalogue already moved on
        }
        if (previous != null) {
            count(previous.getConcepts(), -1);
        } else {
            Counters.add(frequencies, DOCUMENTS_KEY, 1);
        }
        Map<Concept, Double> counts = extractor.termFrequencies(concert);
        List<String> keys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        counts.forEach((concept, count) -> {
            keys.add(concept.key());
            values.add(count);
        });
        count(keys, +1);
        ConcertTerms current = ConcertTerms.newBuilder()
                .setConcertId(concert.getConcertId())
                .setLanguage(concert.getLanguage().toLowerCase(Locale.ROOT))
                .setVersion(concert.getVersion())
                .setConcepts(keys).setCounts(values)
                .setStartTime(concert.getStartTime() == null ? null : concert.getStartTime().toEpochMilli())
                .setHall(concert.getHall())
                .setTags(concert.getTags().stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).toList())
                .build();
        publish(current, record.timestamp());
        dirty = true;
    }

    @Override
    public void close() {
        if (analysis != null) {
            analysis.close();
        }
    }

    private static void validate(Concert concert) {
        if (concert.getConcertId() == null || concert.getConcertId().isBlank()) {
            throw new RejectedRecordException("missing concertId");
        }
        if (concert.getTitle() == null || concert.getTitle().isBlank()) {
            throw new RejectedRecordException("concert " + concert.getConcertId() + " has no title");
        }
        if (concert.getLanguage() == null || concert.getLanguage().isBlank()) {
            throw new RejectedRecordException("concert " + concert.getConcertId() + " has no language");
        }
    }

    private void remove(String concertId, long timestamp) {
        ConcertTerms previous = concertId == null ? null : terms.get(concertId);
        if (previous == null) {
            return;
        }
        count(previous.getConcepts(), -1);
        Counters.add(frequencies, DOCUMENTS_KEY, -1);
        terms.delete(concertId);
        context.forward(new Record<>(concertId, null, timestamp), ProfileNames.SINK_CONCERT_PROFILES);
        dirty = true;
    }

    /** Re-weights every concert against the current frequencies; republishes those that moved. */
    private void refresh(long now) {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<ConcertTerms> all = new ArrayList<>();
        try (KeyValueIterator<String, ConcertTerms> iterator = terms.all()) {
            iterator.forEachRemaining(entry -> all.add(entry.value));
        }
        for (ConcertTerms concert : all) {
            ConceptProfiler.Profile profile = profile(concert);
            if (cosine(concert.getEmittedVector(), profile.vector()) < REPUBLISH_BELOW_COSINE) {
                publish(concert, now);
            }
        }
    }

    private void publish(ConcertTerms concert, long timestamp) {
        ConceptProfiler.Profile profile = profile(concert);
        List<Float> vector = new ArrayList<>(profile.vector().length);
        for (float value : profile.vector()) {
            vector.add(value);
        }
        concert.setEmittedVector(vector);
        terms.put(concert.getConcertId(), concert);
        ConcertProfile published = ConcertProfile.newBuilder()
                .setConcertId(concert.getConcertId())
                .setConcepts(normalized(profile.topConcepts()))
                .setVector(vector)
                .setDimension(vector.size())
                .setLanguage(concert.getLanguage())
                .setStartTime(concert.getStartTime() == null ? null : Instant.ofEpochMilli(concert.getStartTime()))
                .setHall(concert.getHall())
                .setTags(concert.getTags())
                .setCatalogueVersion(concert.getVersion())
                .setProfiledAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
        context.forward(new Record<>(concert.getConcertId(), published, timestamp), ProfileNames.SINK_CONCERT_PROFILES);
    }

    private ConceptProfiler.Profile profile(ConcertTerms concert) {
        Map<Concept, Double> counts = new HashMap<>();
        for (int i = 0; i < concert.getConcepts().size(); i++) {
            counts.put(Concept.fromKey(concert.getConcepts().get(i)), concert.getCounts().get(i));
        }
        return profiler.profile(counts, new ConceptProfiler.DocumentFrequencies() {
            @Override
            public long documentCount() {
                return documents();
            }

            @Override
            public long frequency(Concept concept) {
                return Counters.get(frequencies, concept.key());
            }
        });
    }

    /** Weights that sum to 1 over the published top-K, as the concert-profiles contract says. */
    private static List<WeightedConcept> normalized(List<WeightedConcept> concepts) {
        double sum = concepts.stream().mapToDouble(WeightedConcept::getWeight).sum();
        return concepts.stream()
                .map(c -> new WeightedConcept(c.getConcept(), c.getKind(), sum > 0 ? (float) (c.getWeight() / sum) : 0f))
                .toList();
    }

    private void count(List<String> concepts, long delta) {
        for (String concept : concepts) {
            Counters.add(frequencies, concept, delta);
        }
    }

    private long documents() {
        return Counters.get(frequencies, DOCUMENTS_KEY);
    }

    private static double cosine(List<Float> previous, float[] next) {
        if (previous.size() != next.length) {
            return -1;
        }
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < next.length; i++) {
            dot += previous.get(i) * next[i];
            a += previous.get(i) * previous.get(i);
            b += next[i] * next[i];
        }
        return a == 0 || b == 0 ? (a == b ? 1 : -1) : dot / Math.sqrt(a * b);
    }
}
