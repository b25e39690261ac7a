package io.encore.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.encore.scoring.model.Kernel;
import io.encore.scoring.model.ScoringModel;
import io.encore.scoring.ranking.Ranked;

/**
 * The per-event cost of re-scoring one guest against 1,000 concerts, piece by piece: the dot products alone
 * (a single-accumulator loop as the baseline, then {@link Kernel#dot}), the content model with and without
 * aversions, all eight arms together and one by one, and ranking. Every benchmark returns its output so that
 * JMH's blackhole keeps the work alive. Not final: JMH generates a subclass of every benchmark class.
 *
 * <p>One fork, 3 × 1 s warm-up and 5 × 1 s measurement each: fourteen runs (each arm of {@code oneModel}
 * counts as one), about two and a half minutes. Absolute figures move between runs on a shared machine;
 * compare ratios measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringBenchmarks {

    /** The baseline: one accumulator, so every add waits for the previous one. */
    @Benchmark
    public float[] dotProductsNaive(ScoringState state) {
        float[] taste = state.guest.taste();
        float[] matrix = state.catalogue.vectors();
        int dimension = state.catalogue.dimension();
        float[] out = state.naiveDots;
        for (int i = 0; i < out.length; i++) {
            int row = i * dimension;
            float sum = 0f;
            for (int k = 0; k < dimension; k++) {
                sum += taste[k] * matrix[row + k];
            }
            out[i] = sum;
        }
        return out;
    }

    /** The same 1,000 dot products through the production kernel (four accumulators). */
    @Benchmark
    public float[] dotProductsKernel(ScoringState state) {
        float[] taste = state.guest.taste();
        float[] matrix = state.catalogue.vectors();
        int dimension = state.catalogue.dimension();
        float[] out = state.kernelDots;
        for (int i = 0; i < out.length; i++) {
            out[i] = Kernel.dot(taste, 0, matrix, i * dimension, dimension);
        }
        return out;
    }

    /** The content model for a guest without aversions: the kernel plus the eligible-set walk. */
    @Benchmark
    public float[] conceptMatchScore(ScoringState state) {
        state.conceptMatch.score(state.guest, state.catalogue, state.eligible, state.now, state.conceptScores);
        return state.conceptScores;
    }

    /** The content model for a guest with a few aversions: adds the penalty, ~20 array reads per concert. */
    @Benchmark
    public float[] conceptMatchScoreWithAversions(ScoringState state) {
        state.conceptMatch.score(state.averseGuest, state.catalogue, state.eligible, state.now, state.averseScores);
        return state.averseScores;
    }

    /** Every arm of the registry scoring the guest once, as the bandit's worst case (or a blend of all). */
    @Benchmark
    public float[][] allEightModels(ScoringState state) {
        List<ScoringModel> models = state.models;
        for (int m = 0; m < models.size(); m++) {
            models.get(m).score(state.guest, state.catalogue, state.eligible, state.now, state.modelScores[m]);
        }
        return state.modelScores;
    }

    /** One arm alone, once per name of {@link ModelChoice}: where the time of all eight goes. */
    @Benchmark
    public float[] oneModel(ScoringState state, ModelChoice choice) {
        int m = choice.index;
        state.models.get(m).score(state.guest, state.catalogue, state.eligible, state.now, state.modelScores[m]);
        return state.modelScores[m];
    }

    /** Top 10 with diversity caps and one exploration slot, from scores already computed. */
    @Benchmark
    public List<Ranked> rankTop10(ScoringState state) {
        SplittableRandom random = new SplittableRandom(state.rankSeed);
        return state.ranker.rank(state.precomputed, state.eligible, state.catalogue, random);
    }
}
