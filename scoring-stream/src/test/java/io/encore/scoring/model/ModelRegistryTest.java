package io.encore.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private final Signals.Trending noTrend = new Signals.Trending() {
        @Override
        public float overall(String concertId) {
            return 0f;
        }

        @Override
        public float inGroup(String behaviourGroup, String concertId) {
            return 0f;
        }
    };
    private final ModelRegistry registry = ModelRegistry.of(concertId -> Map.of(), noTrend, taste -> Map.of());

    @Test
    void shouldBuildTheEightModelsInTheFixedOrderWhenCreated() {
        // given / when / then: the names are bandit arms, so this list is a contract
        assertThat(registry.all()).extracting(ScoringModel::name).containsExactly("concept-match",
                "performer-affinity", "tag-affinity", "co-attendance", "look-alike", "trending", "discovery", "context");
        assertThat(ModelRegistry.NAMES).containsExactlyElementsOf(
                registry.all().stream().map(ScoringModel::name).toList());
    }

    @Test
    void shouldFindAModelWhenAskedByName() {
        // given / when
        ScoringModel model = registry.get("discovery");

        // then
        assertThat(model).isInstanceOf(DiscoveryModel.class);
    }

    @Test
    void shouldNameTheKnownModelsWhenAskedForAnUnknownOne() {
        // given / when / then
        assertThatThrownBy(() -> registry.get("content")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content").hasMessageContaining("concept-match");
    }
}
