package io.encore.web.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} points of one measured value, oldest first, as {@code [epochMillis, value]} pairs
 * the way a chart's time axis takes them. Thread-safe: the sampler appends while requests read.
 */
public final class TimeSeries {

    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public TimeSeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    public synchronized void add(long epochMillis, double value) {
        int index = (start + size) % times.length;
        times[index] = epochMillis;
        values[index] = value;
        if (size < times.length) {
            size++;
        } else {
            start = (start + 1) % times.length;
        }
    }

    /** Every point, oldest first, as {@code [t, v]}. */
    public synchronized List<double[]> points() {
        List<double[]> points = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int index = (start + i) % times.length;
            points.add(new double[] {times[index], values[index]});
        }
        return points;
    }

    /** The newest value, or NaN when there is none yet. */
    public synchronized double last() {
        return size == 0 ? Double.NaN : values[(start + size - 1) % times.length];
    }

    public synchronized int size() {
        return size;
    }
}
