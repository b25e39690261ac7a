package io.encore.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.encore.scoring.model.CoAttendanceModel;
import io.encore.scoring.model.ConceptMatchModel;
import io.encore.scoring.model.ContextModel;
import io.encore.scoring.model.DiscoveryModel;
import io.encore.scoring.model.LookAlikeModel;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.PerformerAffinityModel;
import io.encore.scoring.model.TagAffinityModel;
import io.encore.scoring.model.TrendingModel;

/**
 * Which arm {@code oneModel} runs: JMH runs it once per name, so the cost of all eight splits by model. Not
 * final, and the parameter not final either: JMH subclasses the state and sets the field.
 */
@State(Scope.Benchmark)
public class ModelChoice {

    @Param({ConceptMatchModel.NAME, PerformerAffinityModel.NAME, TagAffinityModel.NAME, CoAttendanceModel.NAME,
            LookAlikeModel.NAME, TrendingModel.NAME, DiscoveryModel.NAME, ContextModel.NAME})
    public String model = ConceptMatchModel.NAME;

    /** The model's position in {@link ModelRegistry#NAMES}, which is also its position in the registry. */
    int index;

    @Setup
    public void resolve() {
        index = ModelRegistry.NAMES.indexOf(model);
        if (index < 0) {
            throw new IllegalArgumentException("no scoring model named '" + model + "'; known: " + ModelRegistry.NAMES);
        }
    }
}
