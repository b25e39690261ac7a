package io.encore.bench;

import java.util.Map;

import io.encore.scoring.model.Signals;

/**
 * Fixed population signals held in hash maps, the shape the topology keeps them in, so that the models that
 * read them pay the same lookups they pay in production.
 */
final class InMemorySignals implements Signals.CoAttendance, Signals.Trending, Signals.TwinPurchases {

    private final Map<String, Map<String, Float>> neighbours;
    private final Map<String, Float> overall;
    private final Map<String, Map<String, Float>> byGroup;
    private final Map<String, Float> twins;

    InMemorySignals(Map<String, Map<String, Float>> neighbours, Map<String, Float> overall,
                    Map<String, Map<String, Float>> byGroup, Map<String, Float> twins) {
        this.neighbours = Map.copyOf(neighbours);
        this.overall = Map.copyOf(overall);
        this.byGroup = Map.copyOf(byGroup);
        this.twins = Map.copyOf(twins);
    }

    @Override
    public Map<String, Float> neighbours(String concertId) {
        return neighbours.get(concertId);
    }

    @Override
    public float overall(String concertId) {
        return overall.getOrDefault(concertId, 0f);
    }

    @Override
    public float inGroup(String behaviourGroup, String concertId) {
        Map<String, Float> velocities = byGroup.get(behaviourGroup);
        return velocities == null ? 0f : velocities.getOrDefault(concertId, 0f);
    }

    /** The same twins for every taste: the lookup that finds them is not what these benchmarks measure. */
    @Override
    public Map<String, Float> near(float[] taste) {
        return twins;
    }
}
