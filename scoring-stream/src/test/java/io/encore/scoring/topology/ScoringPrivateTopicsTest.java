package io.encore.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.runtime.streams.PrivateTopics;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.CleanupPolicy;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.config.ScoringSettings;

class ScoringPrivateTopicsTest {

    private final ScoringSettings settings = ScoringSettings.defaults();
    private final TopicCatalogue topics = new TopicCatalogue("", 6,
            new AvroWireFormat(InMemorySchemaRegistry.forScope("private-topics"), true));

    @Test
    void shouldGiveEveryPrivateTopicThePartitionCountOfGuestProfiles() {
        // when
        List<PrivateTopics.Spec> specs = ScoringTopology.privateTopics(settings, topics);
        // then
        assertThat(specs).extracting(PrivateTopics.Spec::name).containsExactly(settings.catalogueTopic(),
                settings.audienceCandidatesTopic(), settings.signalEventsTopic(), settings.campaignsTopic(),
                settings.signalsTopic(),
                settings.aliasesTopic());
        assertThat(specs).extracting(PrivateTopics.Spec::partitions)
                .containsOnly(PrivateTopics.Partitions.sameAs(topics.guestProfiles().name(), 6));
    }

    @Test
    void shouldKeepEventsForAWeekAndCompactTheSharedState() {
        // when
        List<PrivateTopics.Spec> specs = ScoringTopology.privateTopics(settings, topics);
        // then
        assertThat(specs.subList(0, 4)).extracting(PrivateTopics.Spec::cleanupPolicy, PrivateTopics.Spec::retention)
                .containsOnly(tuple(CleanupPolicy.DELETE, Duration.ofDays(7)));
        assertThat(specs.subList(4, 6)).extracting(PrivateTopics.Spec::cleanupPolicy).containsOnly(CleanupPolicy.COMPACT);
    }
}
