package io.encore.scoring.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * "Guests who bought A also bought B": item-to-item collaborative filtering over ticket sales. It knows
 * nothing of content, so it finds pairings that concept profiles miss, and it works for guests whose taste is
 * still thin but who have bought.
 *
 * <p>It walks the guest's purchases and their neighbour lists (purchases × neighbours, not concerts ×
 * purchases), adding each neighbour's strength relative to the strongest neighbour of that purchase.
 * Scale: Σ relative strengths / log2(1 + purchases) ≥ 0; 1 is one purchase's strongest neighbour for a guest
 * with one purchase, and concerts that several purchases agree on grow slowly above 1. 0 for guests without
 * purchases. (The guest view holds no list of liked concerts, so only purchases count.)
 *
 * <p>Reasons: {@code SIMILAR_GUESTS} "Guests who bought tickets for Gregory Porter also bought this", naming
 * the first performer of the purchases that contribute most (up to two), or without a name when the bought
 * concert is no longer in the catalogue.
 */
public final class CoAttendanceModel implements ScoringModel {

    public static final String NAME = "co-attendance";

    private static final int EXPLAINED_PURCHASES = 2;

    private final Signals.CoAttendance coAttendance;

    public CoAttendanceModel(Signals.CoAttendance coAttendance) {
        this.coAttendance = Objects.requireNonNull(coAttendance, "coAttendance");
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
        int purchases = guest.purchased().size();
        if (purchases == 0) {
            return;
        }
        float perPurchase = (float) (1.0 / log2(1 + purchases));
        for (String bought : guest.purchased()) {
            Map<String, Float> neighbours = coAttendance.neighbours(bought);
            float inverseMax = neighbours == null ? 0f : inverseMax(neighbours);
            if (inverseMax == 0f) {
                continue;
            }
            for (Map.Entry<String, Float> neighbour : neighbours.entrySet()) {
                int i = catalogue.indexOf(neighbour.getKey());
                float strength = neighbour.getValue();
                if (i >= 0 && strength > 0f && eligible.get(i)) {
                    scores[i] += strength * inverseMax * perPurchase;
                }
            }
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        String id = catalogue.id(concert);
        List<String> sources = new ArrayList<>();
        List<Float> contributions = new ArrayList<>();
        for (String bought : guest.purchased()) {
            Map<String, Float> neighbours = coAttendance.neighbours(bought);
            Float strength = neighbours == null ? null : neighbours.get(id);
            if (strength != null && strength > 0f) {
                float contribution = strength * inverseMax(neighbours);
                int at = 0;
                while (at < contributions.size() && contributions.get(at) >= contribution) {
                    at++;
                }
                sources.add(at, bought);
                contributions.add(at, contribution);
            }
        }
        return reasons(catalogue, sources);
    }

    private static List<RecommendationReason> reasons(Catalogue catalogue, List<String> sources) {
        List<RecommendationReason> reasons = new ArrayList<>();
        for (String bought : sources) {
            int source = catalogue.indexOf(bought);
            String[] performers = source < 0 ? new String[0] : catalogue.performers(source);
            RecommendationReason reason = performers.length == 0
                    ? Reasons.of(ReasonCode.SIMILAR_GUESTS, "Guests who bought the same concerts as you also bought this", null)
                    : Reasons.of(ReasonCode.SIMILAR_GUESTS, "Guests who bought tickets for "
                    + ConceptKeys.titleCase(performers[0]) + " also bought this", performers[0]);
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
            if (reasons.size() == EXPLAINED_PURCHASES) {
                break;
            }
        }
        return List.copyOf(reasons);
    }

    private static float inverseMax(Map<String, Float> neighbours) {
        float max = 0f;
        for (Float strength : neighbours.values()) {
            max = Math.max(max, strength);
        }
        return max > 0f && Float.isFinite(max) ? 1f / max : 0f;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
