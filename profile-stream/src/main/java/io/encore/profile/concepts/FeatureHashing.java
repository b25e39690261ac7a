package io.encore.profile.concepts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * The hashing trick that maps any concept key into one of {@code dimension} buckets with a sign from a second
 * hash bit, so collisions cancel in expectation instead of adding up. Concert vectors and a guest's
 * single-concept signals (an artist search) share it, so both live in the same space.
 */
public final class FeatureHashing {

    private FeatureHashing() {
    }

    public static void add(float[] vector, String key, float weight) {
        int hash = Utils.murmur2(key.getBytes(StandardCharsets.UTF_8));
        vector[bucket(hash, vector.length)] += sign(hash) * weight;
    }

    /** The unit vector of one concept on its own. */
    public static List<Float> unit(String key, int dimension) {
        int hash = Utils.murmur2(key.getBytes(StandardCharsets.UTF_8));
        List<Float> vector = new ArrayList<>(Collections.nCopies(dimension, 0f));
        vector.set(bucket(hash, dimension), sign(hash));
        return vector;
    }

    private static int bucket(int hash, int dimension) {
        return Utils.toPositive(hash) % dimension;
    }

    private static float sign(int hash) {
        return (hash & 0x8000_0000) == 0 ? 1f : -1f;
    }
}
