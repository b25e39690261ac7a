package io.encore.profile.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.encore.profile.config.ProfileSettings;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Guards the names that outlive a deployment: processors, stores (and so changelog topics) and the private
 * topics. A rename orphans state in production, so it must be a deliberate edit of the snapshot file.
 */
class ProfileTopologySnapshotTest {

    private static final String SNAPSHOT = "/profile-topology.txt";

    @Test
    void shouldKeepEveryProcessorStoreAndTopicNameWhenTheTopologyIsBuilt() throws IOException {
        // given
        AvroWireFormat format = new AvroWireFormat(InMemorySchemaRegistry.forScope("snapshot"), true);
        ProfileSerdes serdes = ProfileSerdes.of(new TopicCatalogue("", 4, format), format);
        // when
        String described = ProfileTopology.build(ProfileSettings.defaults(), serdes).describe().toString();
        // then
        Path actual = Path.of("target", "profile-topology.actual.txt");
        Files.writeString(actual, described);
        String expected = new String(Objects.requireNonNull(getClass().getResourceAsStream(SNAPSHOT),
                "missing snapshot " + SNAPSHOT).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(described)
                .as("topology changed; if the rename is deliberate, copy %s to src/test/resources%s", actual, SNAPSHOT)
                .isEqualTo(expected);
    }
}
