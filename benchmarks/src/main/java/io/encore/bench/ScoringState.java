package io.encore.bench;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.GuestView;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.ranking.Ranker;

/**
 * Everything the benchmarks read, built once per trial from a fixed seed, so every run scores the same
 * catalogue and guest. Not final: JMH subclasses state classes to pad them against false sharing. Output
 * buffers are separate per benchmark so that a smoke test can compare their results.
 */
@State(Scope.Benchmark)
public class ScoringState {

    static final long SEED = 20_261_123L;
    static final int AVERSIONS = 4;

    final Catalogue catalogue;
    final GuestView guest;
    final GuestView averseGuest;
    final BitSet eligible;
    final Instant now = SyntheticData.NOW;
    final ConceptMatchModel conceptMatch = new ConceptMatchModel();
    final List<ScoringModel> models;
    final Ranker ranker = new Ranker();
    /** Concept-match scores of {@link #guest}: what the ranker sees in production, computed once. */
    final float[] precomputed;
    /** The processor seeds exploration per guest, channel and day; a constant seed stands in for that. */
    final long rankSeed;

    final float[] naiveDots;
    final float[] kernelDots;
    final float[] conceptScores;
    final float[] averseScores;
    final float[][] modelScores;

    public ScoringState() {
        SplittableRandom random = new SplittableRandom(SEED);
        catalogue = SyntheticData.catalogue(random);
        guest = SyntheticData.guest(random, 0);
        averseGuest = SyntheticData.guest(random, AVERSIONS);
        eligible = catalogue.eligible(now.toEpochMilli(), List.of());
        InMemorySignals signals = SyntheticData.signals(random);
        models = ModelRegistry.of(signals, signals, signals).all();
        rankSeed = random.nextLong();
        int size = catalogue.size();
        naiveDots = new float[size];
        kernelDots = new float[size];
        conceptScores = new float[size];
        averseScores = new float[size];
        modelScores = new float[models.size()][size];
        precomputed = new float[size];
        conceptMatch.score(guest, catalogue, eligible, now, precomputed);
    }
}
