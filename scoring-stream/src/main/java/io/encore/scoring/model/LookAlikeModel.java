package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * The "twins" model: what guests whose taste is near this guest's bought. It carries the taste of people over
 * to concerts whose content profile is thin or misleading, the same look-alike idea that reaches new audiences
 * in ads, and it needs only a taste, not purchases.
 *
 * <p>Scale: [0, 1], the twins' decayed purchase count of the concert / their largest count, so 1 is the twins'
 * favourite; 0 for concerts they did not buy and for guests without a taste (the signal is then not asked).
 *
 * <p>Reasons: {@code SIMILAR_GUESTS} "Guests with a taste like yours bought this", without a concept.
 */
public final class LookAlikeModel implements ScoringModel {

    public static final String NAME = "look-alike";

    private final Signals.TwinPurchases twins;

    public LookAlikeModel(Signals.TwinPurchases twins) {
        this.twins = Objects.requireNonNull(twins, "twins");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = 0f;
        }
        Map<String, Float> bought = purchasesOfTwins(guest, catalogue);
        float inverseMax = inverseMax(bought);
        if (inverseMax == 0f) {
            return;
        }
        for (Map.Entry<String, Float> entry : bought.entrySet()) {
            int i = catalogue.indexOf(entry.getKey());
            float count = entry.getValue();
            if (i >= 0 && count > 0f && eligible.get(i)) {
                scores[i] = count * inverseMax;
            }
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        Float count = purchasesOfTwins(guest, catalogue).get(catalogue.id(concert));
        return count == null || !(count > 0f) ? List.of()
                : List.of(Reasons.of(ReasonCode.SIMILAR_GUESTS, "Guests with a taste like yours bought this", null));
    }

    private Map<String, Float> purchasesOfTwins(GuestView guest, Catalogue catalogue) {
        if (Kernel.inverseNorm(guest.taste(), catalogue.dimension()) == 0f) {
            return Map.of();
        }
        Map<String, Float> bought = twins.near(guest.taste());
        return bought == null ? Map.of() : bought;
    }

    private static float inverseMax(Map<String, Float> counts) {
        float max = 0f;
        for (Float count : counts.values()) {
            max = Math.max(max, count);
        }
        return max > 0f && Float.isFinite(max) ? 1f / max : 0f;
    }
}
