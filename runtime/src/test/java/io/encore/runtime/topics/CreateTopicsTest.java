package io.encore.runtime.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.encore.runtime.config.EncoreConfig;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

class CreateTopicsTest {

    private static final TopicCatalogue CATALOGUE = new EncoreConfig(Map.of(
            EncoreConfig.TOPIC_PREFIX_CONFIG, "t.",
            EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://create-topics-test")).topicCatalogue();

    @Test
    void shouldCreateEveryCatalogueTopicWithItsPartitionsAndConfigsWhenNoneExists() throws Exception {
        // given
        FakeCluster cluster = new FakeCluster(Map.of());

        // when
        List<CreateTopics.Outcome> outcomes = CreateTopics.ensure(cluster, CATALOGUE.all(), (short) -1);

        // then
        assertThat(outcomes).hasSize(CATALOGUE.all().size()).allMatch(CreateTopics.Outcome::created);
        NewTopic deadLetters = cluster.created(CATALOGUE.deadLetters().name());
        assertThat(deadLetters.numPartitions()).isEqualTo(1);
        assertThat(deadLetters.replicationFactor()).isEqualTo((short) -1);
        assertThat(deadLetters.configs()).containsEntry("retention.ms", "2592000000");
        NewTopic profiles = cluster.created("t.guest-profiles");
        assertThat(profiles.numPartitions()).isEqualTo(4);
        assertThat(profiles.configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldCreateOnlyTheMissingTopicsWithTheGivenReplicationFactor() throws Exception {
        // given
        List<Topic<String, ?>> topics = List.of(CATALOGUE.clickEvents(), CATALOGUE.concerts());
        FakeCluster cluster = new FakeCluster(Map.of("t.click-events", 4));

        // when
        List<CreateTopics.Outcome> outcomes = CreateTopics.ensure(cluster, topics, (short) 3);

        // then
        assertThat(outcomes).containsExactly(new CreateTopics.Outcome("t.click-events", 4, false),
                new CreateTopics.Outcome("t.concerts", 4, true));
        assertThat(cluster.createdNames()).containsExactly("t.concerts");
        assertThat(cluster.created("t.concerts").replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void shouldFailNamingTheTopicWhenAnExistingOneHasOtherPartitions() {
        // given
        FakeCluster cluster = new FakeCluster(Map.of("t.guest-profiles", 8));

        // when / then
        assertThatThrownBy(() -> CreateTopics.ensure(cluster, CATALOGUE.all(), (short) -1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t.guest-profiles has 8 partitions but Encore needs 4");
        assertThat(cluster.createdNames()).isEmpty();
    }

    @Test
    void shouldRejectAReplicationFactorBelowOneOtherThanTheBrokerDefault() {
        // given
        Map<String, Object> settings = new HashMap<>(Map.of(CreateTopics.REPLICATION_FACTOR_CONFIG, "0",
                EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://create-topics-test"));

        // when / then
        assertThatThrownBy(() -> CreateTopics.run(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(CreateTopics.REPLICATION_FACTOR_CONFIG);
    }

    private static final class FakeCluster implements CreateTopics.Cluster {

        private final Map<String, Integer> existing;
        private final List<NewTopic> created = new ArrayList<>();

        FakeCluster(Map<String, Integer> existing) {
            this.existing = existing;
        }

        @Override
        public Map<String, Integer> partitions(Collection<String> names) {
            Map<String, Integer> found = new HashMap<>(existing);
            found.keySet().retainAll(names);
            return found;
        }

        @Override
        public void create(List<NewTopic> topics) {
            created.addAll(topics);
        }

        NewTopic created(String name) {
            Optional<NewTopic> topic = created.stream().filter(t -> t.name().equals(name)).findFirst();
            assertThat(topic).as("created " + name).isPresent();
            return topic.get();
        }

        List<String> createdNames() {
            return created.stream().map(NewTopic::name).toList();
        }
    }
}
