package io.encore.scoring.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight models the bandit chooses among, built once with the shared signals, in a fixed order. The order
 * and names are part of the contract: names are the bandit's arms and appear in published recommendations,
 * so renaming one orphans its learned statistics.
 */
public final class ModelRegistry {

    /** The arms, in registry order. */
    public static final List<String> NAMES = List.of(ConceptMatchModel.NAME, PerformerAffinityModel.NAME,
            TagAffinityModel.NAME, CoAttendanceModel.NAME, LookAlikeModel.NAME, TrendingModel.NAME,
            DiscoveryModel.NAME, ContextModel.NAME);

    private final Map<String, ScoringModel> byName;

    private ModelRegistry(List<ScoringModel> models) {
        byName = new LinkedHashMap<>();
        for (ScoringModel model : models) {
            byName.put(model.name(), model);
        }
    }

    /** The eight models with default settings, in {@link #NAMES} order. */
    public static ModelRegistry of(Signals.CoAttendance coAttendance, Signals.Trending trending,
                                   Signals.TwinPurchases twins) {
        return new ModelRegistry(List.of(
                new ConceptMatchModel(),
                new PerformerAffinityModel(),
                new TagAffinityModel(),
                new CoAttendanceModel(coAttendance),
                new LookAlikeModel(twins),
                new TrendingModel(trending),
                new DiscoveryModel(),
                new ContextModel()));
    }

    /** All models in {@link #NAMES} order. */
    public List<ScoringModel> all() {
        return List.copyOf(byName.values());
    }

    /** The model with this name; throws naming the known ones otherwise (a misconfigured arm fails fast). */
    public ScoringModel get(String name) {
        ScoringModel model = byName.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no scoring model named '" + name + "'; known: " + NAMES);
        }
        return model;
    }
}
