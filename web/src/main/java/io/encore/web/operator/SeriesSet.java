package io.encore.web.operator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Named {@link TimeSeries} of one chart (one per topic, per group, per reason), created on first use. */
public final class SeriesSet {

    private final int capacity;
    private final Map<String, TimeSeries> series = new ConcurrentHashMap<>();

    public SeriesSet(int capacity) {
        this.capacity = capacity;
    }

    public void add(String name, long epochMillis, double value) {
        series.computeIfAbsent(name, n -> new TimeSeries(capacity)).add(epochMillis, value);
    }

    /** Name → points, names sorted. */
    public Map<String, List<double[]>> points() {
        Map<String, List<double[]>> points = new TreeMap<>();
        series.forEach((name, values) -> points.put(name, values.points()));
        return points;
    }

    /** Name → newest value (null before the first), names sorted. */
    public Map<String, Double> latest() {
        Map<String, Double> latest = new TreeMap<>();
        series.forEach((name, values) -> latest.put(name, Double.isNaN(values.last()) ? null : values.last()));
        return latest;
    }
}
