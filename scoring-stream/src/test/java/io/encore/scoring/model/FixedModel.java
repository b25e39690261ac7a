package io.encore.scoring.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/** A model with given scores per concert and one reason that names it, to test what combines models. */
final class FixedModel implements ScoringModel {

    private final String name;
    private final float[] values;

    FixedModel(String name, float... values) {
        this.name = name;
        this.values = values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            scores[i] = values[i];
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        return List.of(new RecommendationReason(ReasonCode.EDITORIAL, "from " + name, null));
    }
}
