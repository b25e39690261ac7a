package io.encore.scoring.bandit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.kafka.common.utils.Utils;

/**
 * Keeps a fixed share of guests out of personalisation (they get the non-personalised default list) so that
 * uplift can be measured against a real control group.
 *
 * <p>Assignment is a pure function of the guest id, so every instance, restart and JVM agrees without shared
 * state: {@code position = (murmur2(UTF-8 bytes of salt + guestId) & 0x7fffffff) / 2^31}, in [0, 1), using
 * Kafka's {@code Utils.murmur2} (the hash of Kafka's default partitioner, seed {@code 0x9747b28c}); a guest is
 * held out when {@code position < share}. Raising the share only adds guests to the control group. An
 * optional salt (e.g. {@code "2026:"}) draws a fresh, independent control group when the old one has been
 * deprived long enough; the empty salt hashes the bare guest id.
 */
public final class Holdout {

    public static final double DEFAULT_SHARE = 0.05;

    /** 2^31: maps a non-negative int onto [0, 1). */
    private static final double TWO_TO_31 = 2_147_483_648.0;

    private final double share;
    private final String salt;

    /** 5% of guests, no salt. */
    public Holdout() {
        this(DEFAULT_SHARE, "");
    }

    public Holdout(double share) {
        this(share, "");
    }

    public Holdout(double share, String salt) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("holdout share must be in [0, 1], got " + share);
        }
        this.share = share;
        this.salt = Objects.requireNonNull(salt, "salt");
    }

    /** Whether the guest belongs to the control group. */
    public boolean isHoldout(String guestId) {
        return position(guestId) < share;
    }

    /** The guest's fixed position in [0, 1); documented so analysts can reproduce the split. */
    public double position(String guestId) {
        Objects.requireNonNull(guestId, "guestId");
        int hash = Utils.murmur2((salt + guestId).getBytes(StandardCharsets.UTF_8));
        return (hash & 0x7fffffff) / TWO_TO_31;
    }

    public double share() {
        return share;
    }
}
