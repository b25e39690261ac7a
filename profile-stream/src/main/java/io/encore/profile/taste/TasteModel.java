package io.encore.profile.taste;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.profile.avro.GuestState;

/**
 * The decayed taste arithmetic. A guest's weight for concept c at time T is
 *
 * <pre>  w_c(T) = Σ_i s_i · x_{i,c} · 2^(−(T − t_i) / H)</pre>
 *
 * over the guest's events i (event time t_i, event weight s_i, the concert's normalized concept weight
 * x_{i,c}), with half-life H. The store keeps the sum as of an anchor A = the latest event time seen; an
 * event later than A first rescales everything by 2^(−(t − A)/H) and moves A to t, an earlier one is added
 * already decayed by 2^(−(A − t)/H). The sum does not depend on the order events arrive in, so a replay or
 * a shuffled stream ends with the same profile up to floating-point rounding; the dense taste vector follows
 * the same rule with the concert's unit vector in place of x.
 */
public final class TasteModel {

    private final double halfLifeMillis;
    private final int maxConcepts;

    public TasteModel(Duration halfLife, int maxConcepts) {
        if (halfLife.isNegative() || halfLife.isZero() || maxConcepts < 1) {
            throw new IllegalArgumentException("half-life and concept cap must be positive");
        }
        this.halfLifeMillis = halfLife.toMillis();
        this.maxConcepts = maxConcepts;
    }

    /** 2^(−(later − earlier) / H). */
    public double decay(long earlier, long later) {
        return Math.pow(2.0, -(later - earlier) / halfLifeMillis);
    }

    /**
     * Adds one signal: {@code weight} times each concept weight (normalized to unit length over the given
     * concepts) and times {@code vector}, decayed from {@code occurredAt} to the state's anchor.
     */
    public void add(GuestState state, long occurredAt, double weight, Map<String, Double> concepts, List<Float> vector) {
        moveAnchor(state, occurredAt);
        double scaled = weight * decay(occurredAt, state.getAnchorAt());
        double norm = Math.sqrt(concepts.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            Map<String, Double> taste = state.getConcepts();
            concepts.forEach((key, value) -> taste.merge(key, scaled * value / norm, Double::sum));
        }
        List<Double> dense = state.getVector();
        for (int i = 0; i < vector.size() && i < dense.size(); i++) {
            dense.set(i, dense.get(i) + scaled * vector.get(i));
        }
        bound(state);
    }

    /** Rescales to a later anchor; an earlier or equal time leaves the anchor where it is. */
    public void moveAnchor(GuestState state, long time) {
        if (state.getAnchorAt() == 0) {
            state.setAnchorAt(time);
            return;
        }
        if (time <= state.getAnchorAt()) {
            return;
        }
        double factor = decay(state.getAnchorAt(), time);
        state.getConcepts().replaceAll((key, value) -> value * factor);
        state.getVector().replaceAll(value -> value * factor);
        state.setAnchorAt(time);
    }

    /** Adds {@code other}'s taste into {@code into}, both brought to the later anchor first. */
    public void merge(GuestState into, GuestState other) {
        if (other.getAnchorAt() == 0) {
            return;
        }
        moveAnchor(into, other.getAnchorAt());
        double factor = decay(other.getAnchorAt(), into.getAnchorAt());
        other.getConcepts().forEach((key, value) -> into.getConcepts().merge(key, value * factor, Double::sum));
        List<Double> dense = into.getVector();
        for (int i = 0; i < other.getVector().size() && i < dense.size(); i++) {
            dense.set(i, dense.get(i) + other.getVector().get(i) * factor);
        }
        bound(into);
    }

    /** Keeps the {@code maxConcepts} concepts of largest absolute weight; drops exact zeros. */
    private void bound(GuestState state) {
        Map<String, Double> taste = state.getConcepts();
        taste.values().removeIf(value -> value == 0.0);
        if (taste.size() <= maxConcepts) {
            return;
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>(taste.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, Double> kept = new HashMap<>();
        entries.subList(0, maxConcepts).forEach(e -> kept.put(e.getKey(), e.getValue()));
        state.setConcepts(kept);
    }
}
