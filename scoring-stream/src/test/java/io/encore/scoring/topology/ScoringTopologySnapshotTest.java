package io.encore.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.config.ScoringSettings;
import io.encore.scoring.model.ModelRegistry;
import io.encore.scoring.model.TrendingModel;

/**
 * Guards the names that outlive a deployment: processors, stores (and so changelog topics) and the private
 * topics. A rename orphans state in production, so it must be a deliberate edit of the snapshot file.
 */
class ScoringTopologySnapshotTest {

    private static final String SNAPSHOT = "/scoring-topology.txt";

    @Test
    void shouldKeepEveryProcessorStoreAndTopicNameWhenTheTopologyIsBuilt() throws IOException {
        // given
        AvroWireFormat format = new AvroWireFormat(InMemorySchemaRegistry.forScope("snapshot"), true);
        ScoringSerdes serdes = ScoringSerdes.of(new TopicCatalogue("", 4, format), format);
        // when
        String described = ScoringTopology.build(ScoringSettings.defaults(), serdes,
                signals -> ModelRegistry.of(signals, signals, signals).all(), TrendingModel::control)
                .describe().toString();
        // then
        Path actual = Path.of("target", "scoring-topology.actual.txt");
        Files.writeString(actual, described);
        String expected = new String(Objects.requireNonNull(getClass().getResourceAsStream(SNAPSHOT),
                "missing snapshot " + SNAPSHOT).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(described)
                .as("topology changed; if the rename is deliberate, copy %s to src/test/resources%s", actual, SNAPSHOT)
                .isEqualTo(expected);
    }
}
