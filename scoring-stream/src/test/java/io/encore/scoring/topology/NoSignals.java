package io.encore.scoring.topology;

import java.util.Map;

import io.encore.scoring.model.Signals;

/** Population signals with no data yet, as on a fresh deployment. */
final class NoSignals implements Signals.CoAttendance, Signals.Trending, Signals.TwinPurchases {

    @Override
    public Map<String, Float> neighbours(String concertId) {
        return Map.of();
    }

    @Override
    public float overall(String concertId) {
        return 0;
    }

    @Override
    public float inGroup(String behaviourGroup, String concertId) {
        return 0;
    }

    @Override
    public Map<String, Float> near(float[] taste) {
        return Map.of();
    }
}
