package io.encore.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.topics.CreateTopics;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/** The compose file's topic step against a real KRaft broker: every catalogue topic, as docs/topics.md gives it. */
@ExtendWith(LocalStackExtension.class)
class CreateTopicsIT {

    @Test
    void shouldCreateEveryTopicOnceWithItsPartitionsAndConfigs(SharedStack stack, TestNames names) throws Exception {
        // given
        String prefix = names.topicPrefix();
        Map<String, Object> settings = Map.of(
                EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://create-topics-it",
                EncoreConfig.TOPIC_PREFIX_CONFIG, prefix,
                CreateTopics.REPLICATION_FACTOR_CONFIG, "1");

        // when
        List<CreateTopics.Outcome> first = CreateTopics.run(settings);
        List<CreateTopics.Outcome> second = CreateTopics.run(settings);

        // then
        int catalogue = new EncoreConfig(settings).topicCatalogue().all().size();
        assertThat(first).hasSize(catalogue).allMatch(CreateTopics.Outcome::created);
        assertThat(second).hasSize(catalogue).noneMatch(CreateTopics.Outcome::created);
        try (Admin admin = stack.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    first.stream().map(CreateTopics.Outcome::name).toList()).allTopicNames().get();
            assertThat(topics.get(prefix + "click-events").partitions()).hasSize(4);
            assertThat(topics.get(prefix + "dead-letters").partitions()).hasSize(1);
            ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, prefix + "dead-letters");
            ConfigResource profiles = new ConfigResource(ConfigResource.Type.TOPIC, prefix + "guest-profiles");
            Map<ConfigResource, Config> configs = admin.describeConfigs(Set.of(deadLetters, profiles)).all().get();
            assertThat(configs.get(deadLetters).get("retention.ms").value()).isEqualTo("2592000000");
            assertThat(configs.get(profiles).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
