package io.encore.scoring.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.encore.schemas.avro.GuestHabits;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.scoring.model.GuestView;

/** Turns a published {@link GuestProfile} into the {@link GuestView} the models read. */
public final class GuestViews {

    private GuestViews() {
    }

    public static GuestView of(GuestProfile profile, GuestView.Context context) {
        GuestHabits habits = profile.getHabits();
        return new GuestView(profile.getGuestId(), floats(profile.getTasteVector()),
                byKey(profile.getTopConcepts(), profile.getPerformerAffinities(), profile.getTagAffinities()),
                byKey(profile.getNegativeConcepts()),
                floats(habits.getWeekdays()), floats(habits.getDayparts()), floats(habits.getLeadTimes()),
                Map.copyOf(habits.getHalls()), Map.copyOf(habits.getPriceBands()), profile.getBehaviourGroup(),
                new HashSet<>(profile.getPurchasedConcertIds()), context);
    }

    /** Concept weights by {@code kind:name}; a concept in several lists keeps its largest weight. */
    @SafeVarargs
    private static Map<String, Float> byKey(List<WeightedConcept>... lists) {
        Map<String, Float> weights = new HashMap<>();
        for (List<WeightedConcept> list : lists) {
            for (WeightedConcept concept : list) {
                weights.merge(concept.getKind().name().toLowerCase(Locale.ROOT) + ":" + concept.getConcept(),
                        concept.getWeight(), Math::max);
            }
        }
        return weights;
    }

    private static float[] floats(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
