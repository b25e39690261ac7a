package io.encore.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * What is selling fast, among guests of the same behaviour group and overall. It ignores taste entirely: it
 * is the safe arm for guests the other models know nothing about, and, built with {@link #control}, the
 * non-personalised list the holdout group receives so that uplift can be measured against it.
 *
 * <p>Scale: {@code mix × ln(1 + group velocity) + (1 − mix) × ln(1 + overall velocity)}, velocities in
 * decayed tickets per day, so ≥ 0 and unbounded (about 0–5 in practice); the log keeps a blockbuster from
 * drowning everything else. A guest without a behaviour group gets the overall part alone.
 *
 * <p>Reasons: {@code TRENDING} "Selling fast among guests like you" and/or "Selling fast right now", the
 * larger part first, without a concept.
 */
public final class TrendingModel implements ScoringModel {

    public static final String NAME = "trending";

    /** Equal parts group and overall velocity. */
    public static final float DEFAULT_GROUP_MIX = 0.5f;

    private final Signals.Trending trending;
    private final float groupMix;

    public TrendingModel(Signals.Trending trending) {
        this(trending, DEFAULT_GROUP_MIX);
    }

    /** {@code groupMix} in [0, 1]: the share of the behaviour group's velocity; 0 is the overall list only. */
    public TrendingModel(Signals.Trending trending, float groupMix) {
        this.trending = Objects.requireNonNull(trending, "trending");
        if (!(groupMix >= 0f && groupMix <= 1f)) {
            throw new IllegalArgumentException("group mix must be in [0, 1]: " + groupMix);
        }
        this.groupMix = groupMix;
    }

    /** The holdout's non-personalised control: overall velocity only, the same list for every guest. */
    public static TrendingModel control(Signals.Trending trending) {
        return new TrendingModel(trending, 0f);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        String group = guest.behaviourGroup();
        float mix = group == null ? 0f : groupMix;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            String id = catalogue.id(i);
            scores[i] = groupPart(group, id, mix) + overallPart(id, mix);
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        String group = guest.behaviourGroup();
        String id = catalogue.id(concert);
        float mix = group == null ? 0f : groupMix;
        float inGroup = groupPart(group, id, mix);
        float overall = overallPart(id, mix);
        RecommendationReason amongPeers = Reasons.of(ReasonCode.TRENDING, "Selling fast among guests like you", null);
        RecommendationReason everywhere = Reasons.of(ReasonCode.TRENDING, "Selling fast right now", null);
        List<RecommendationReason> reasons = new ArrayList<>(2);
        if (inGroup > 0f && inGroup >= overall) {
            reasons.add(amongPeers);
        }
        if (overall > 0f) {
            reasons.add(everywhere);
        }
        if (inGroup > 0f && inGroup < overall) {
            reasons.add(amongPeers);
        }
        return List.copyOf(reasons);
    }

    private float groupPart(String group, String id, float mix) {
        return mix == 0f ? 0f : mix * logScaled(trending.inGroup(group, id));
    }

    private float overallPart(String id, float mix) {
        return mix == 1f ? 0f : (1f - mix) * logScaled(trending.overall(id));
    }

    private static float logScaled(float velocity) {
        return velocity > 0f ? (float) Math.log1p(velocity) : 0f;
    }
}
