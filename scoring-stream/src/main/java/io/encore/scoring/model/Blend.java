package io.encore.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * Several models as one arm. Each model's scores live on their own scale (a cosine, a log velocity, shares),
 * so each is min–max normalised over the eligible set of the call before weighting: the best eligible concert
 * of every model gets 1, the worst 0. A model that scores every eligible concert alike (a guest it knows
 * nothing about) adds nothing, rather than lifting everything evenly.
 *
 * <p>Scale: [0, 1], Σ weight × normalised score with the weights rescaled to sum to 1.
 *
 * <p>Reasons: those of the component that contributed most to the concert. {@link #score(GuestView, Catalogue,
 * BitSet, Instant, float[], int[])} also reports that component per concert, which is what
 * {@code RecommendationItem.model} should name, and lets the caller ask it for reasons directly instead of
 * {@link #explain}, which has to score the whole catalogue again to know the normalisation.
 */
public final class Blend implements ScoringModel {

    /** One model and its non-negative weight in the blend. */
    public record Component(ScoringModel model, float weight) {

        public Component {
            Objects.requireNonNull(model, "model");
            if (!(weight >= 0f) || !Float.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + model.name() + " must be finite and non-negative: " + weight);
            }
        }
    }

    private final String name;
    private final List<Component> components;
    private final float[] shares;

    public Blend(String name, List<Component> components) {
        this.name = Objects.requireNonNull(name, "name");
        this.components = List.copyOf(components);
        float total = 0f;
        for (Component component : this.components) {
            total += component.weight();
        }
        if (!(total > 0f)) {
            throw new IllegalArgumentException("blend " + name + " needs at least one component with a positive weight");
        }
        shares = new float[this.components.size()];
        for (int c = 0; c < shares.length; c++) {
            shares[c] = this.components.get(c).weight() / total;
        }
    }

    @Override
    public String name() {
        return name;
    }

    public List<Component> components() {
        return components;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        score(guest, catalogue, eligible, now, scores, null);
    }

    /**
     * As {@link #score(GuestView, Catalogue, BitSet, Instant, float[])}, and writes into {@code dominant[i]} the
     * index in {@link #components()} of the component that contributed most to concert i, or -1 when none
     * contributed (the concert is every model's worst). {@code dominant} may be null.
     */
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores, int[] dominant) {
        float[] own = new float[catalogue.size()];
        float[] best = dominant == null ? null : new float[catalogue.size()];
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = 0f;
            if (dominant != null) {
                dominant[i] = -1;
            }
        }
        for (int c = 0; c < shares.length; c++) {
            if (shares[c] > 0f) {
                components.get(c).model().score(guest, catalogue, eligible, now, own);
                add(own, eligible, c, scores, best, dominant);
            }
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        BitSet eligible = catalogue.eligible(now.toEpochMilli(), new ArrayList<>(guest.purchased()));
        eligible.set(concert);
        int[] dominant = new int[catalogue.size()];
        score(guest, catalogue, eligible, now, new float[catalogue.size()], dominant);
        int top = dominant[concert];
        return top < 0 ? List.of() : components.get(top).model().explain(guest, catalogue, concert, now);
    }

    /** Adds component c's min–max normalised, weighted scores; NaN scores count as the minimum. */
    private void add(float[] own, BitSet eligible, int c, float[] scores, float[] best, int[] dominant) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            float value = own[i];
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
        float range = max - min;
        if (!(range > 0f) || !Float.isFinite(range)) {
            return;
        }
        float scale = shares[c] / range;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            float contribution = own[i] > min ? (own[i] - min) * scale : 0f;
            scores[i] += contribution;
            if (dominant != null && contribution > best[i]) {
                best[i] = contribution;
                dominant[i] = c;
            }
        }
    }
}
