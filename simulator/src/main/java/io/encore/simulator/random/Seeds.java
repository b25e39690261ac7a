package io.encore.simulator.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random streams from one seed, so that each part of the simulation (the season of a
 * year, the audience, one guest's behaviour) draws from its own stream: adding a draw in one place never
 * shifts the numbers another place sees, and the same seed always gives the same world.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A stream for {@code purpose} (a fixed label) and {@code index} (a year, a guest) under {@code seed}. */
    public static SplittableRandom stream(long seed, String purpose, long index) {
        return new SplittableRandom(derive(seed, purpose, index));
    }

    /** The seed of that stream. */
    public static long derive(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finalizer: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
