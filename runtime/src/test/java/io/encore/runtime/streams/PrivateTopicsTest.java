package io.encore.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import io.encore.runtime.streams.PrivateTopics.Partitions;
import io.encore.runtime.streams.PrivateTopics.Spec;
import io.encore.schemas.topic.CleanupPolicy;

class PrivateTopicsTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private final FakeAdmin admin = new FakeAdmin();

    @Test
    void shouldCreateMissingTopicsWithTheReferenceTopicsPartitionCountWhenItExists() throws Exception {
        // given
        admin.existing.put("guest-profiles", 6);
        // when
        ensure(Spec.deleted("app-signal-events", Partitions.sameAs("guest-profiles", 4), WEEK),
                Spec.compacted("app-catalogue", Partitions.exactly(1)));
        // then
        assertThat(admin.created).extracting(NewTopic::name).containsExactly("app-signal-events", "app-catalogue");
        assertThat(admin.created).extracting(NewTopic::numPartitions).containsExactly(6, 1);
    }

    @Test
    void shouldUseTheCountTheReferenceTopicWillHaveWhenItDoesNotExistYet() throws Exception {
        // when
        ensure(Spec.deleted("app-commands", Partitions.sameAs("click-events", 4), WEEK));
        // then
        assertThat(admin.created).extracting(NewTopic::numPartitions).containsExactly(4);
    }

    @Test
    void shouldCreateWithTheCleanupPolicyAndRetentionOfTheSpec() throws Exception {
        // when
        ensure(Spec.deleted("app-events", Partitions.exactly(2), WEEK), Spec.compacted("app-state", Partitions.exactly(2)));
        // then
        assertThat(admin.created.get(0).configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(WEEK.toMillis()));
        assertThat(admin.created.get(1).configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void shouldLeaveAnExistingTopicAloneWhenItsPartitionCountMatches() throws Exception {
        // given
        admin.existing.put("guest-profiles", 4);
        admin.existing.put("app-signals", 4);
        // when
        ensure(Spec.compacted("app-signals", Partitions.sameAs("guest-profiles", 4)));
        // then
        assertThat(admin.created).isEmpty();
    }

    @Test
    void shouldNameTheTopicAndTheReferenceWhenAnExistingTopicIsNotCoPartitioned() {
        // given
        admin.existing.put("guest-profiles", 8);
        admin.existing.put("app-signals", 4);
        // then
        assertThatThrownBy(() -> ensure(Spec.compacted("app-signals", Partitions.sameAs("guest-profiles", 4))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app-signals has 4 partitions but must have 8")
                .hasMessageContaining("guest-profiles")
                .hasMessageContaining("while scoring-stream is stopped");
    }

    @Test
    void shouldWaitForMetadataWhenACreatedTopicIsNotVisibleAtOnce() throws Exception {
        // given
        admin.invisibleFor = 3;
        // when
        ensure(Spec.compacted("app-aliases", Partitions.sameAs("guest-profiles", 4)));
        // then
        assertThat(admin.describedAfterCreation).isEqualTo(4);
    }

    @Test
    void shouldFailWhenACreatedTopicNeverAppears() {
        // given
        admin.invisibleFor = Integer.MAX_VALUE;
        // then
        assertThatThrownBy(() -> ensure(Spec.compacted("app-aliases", Partitions.sameAs("guest-profiles", 4))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app-aliases is missing after creation");
    }

    @Test
    void shouldRefuseARetentionOnACompactedTopic() {
        assertThatThrownBy(() -> new Spec("app-state", Partitions.exactly(1), CleanupPolicy.COMPACT, WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app-state");
    }

    private void ensure(Spec... specs) throws InterruptedException {
        PrivateTopics.ensure(admin, "scoring-stream", List.of(specs), 5, Duration.ZERO);
    }

    /** Topics in a map; a created topic can stay invisible to the first describes, as on a real cluster. */
    private static final class FakeAdmin implements PrivateTopics.TopicAdmin {

        final Map<String, Integer> existing = new HashMap<>();
        final List<NewTopic> created = new ArrayList<>();
        int invisibleFor;
        int describedAfterCreation;

        @Override
        public Optional<Integer> partitions(String topic) {
            boolean createdHere = created.stream().anyMatch(t -> t.name().equals(topic));
            if (createdHere && ++describedAfterCreation <= invisibleFor) {
                return Optional.empty();
            }
            return Optional.ofNullable(existing.get(topic));
        }

        @Override
        public boolean create(NewTopic topic) {
            if (existing.containsKey(topic.name())) {
                return false;
            }
            existing.put(topic.name(), topic.numPartitions());
            created.add(topic);
            return true;
        }
    }
}
