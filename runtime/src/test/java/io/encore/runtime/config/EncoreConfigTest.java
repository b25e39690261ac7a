package io.encore.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.encore.schemas.topic.TopicCatalogue;

class EncoreConfigTest {

    @Test
    void shouldMapEnvironmentVariablesByPrefix() {
        Map<String, String> settings = EncoreConfig.fromEnvironment(Map.of(
                "ENCORE_TOPIC_PREFIX", "staging.",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "SCHEMA_REGISTRY_URL", "http://registry:8081",
                "HOME", "/root"));

        assertThat(settings).containsOnly(
                Map.entry("encore.topic.prefix", "staging."),
                Map.entry("bootstrap.servers", "broker:29092"),
                Map.entry("schema.registry.url", "http://registry:8081"));
    }

    @Test
    void shouldLetEnvironmentWinOverFileAndOverridesWinOverBoth(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("encore.properties");
        Files.writeString(file, "encore.topic.prefix=file.\nbootstrap.servers=file:9092\nencore.topic.partitions=8\n");

        // when
        EncoreConfig config = new EncoreConfig(EncoreConfig.merge(file,
                Map.of("ENCORE_TOPIC_PREFIX", "env."), Map.of("bootstrap.servers", "override:9092")));

        // then
        assertThat(config.topicPrefix()).isEqualTo("env.");
        assertThat(config.bootstrapServers()).isEqualTo("override:9092");
        assertThat(config.getInt(EncoreConfig.TOPIC_PARTITIONS_CONFIG)).isEqualTo(8);
    }

    @Test
    void shouldFailFastNamingTheSettingWhenAValueIsInvalid() {
        assertThatThrownBy(() -> new EncoreConfig(Map.of(EncoreConfig.TOPIC_PREFIX_CONFIG, "bad prefix/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encore.topic.prefix");
        assertThatThrownBy(() -> new EncoreConfig(Map.of(EncoreConfig.TOPIC_PARTITIONS_CONFIG, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encore.topic.partitions");
    }

    @Test
    void shouldFailNamingTheLogFormatWhenItIsNeitherTextNorJson() {
        // given
        Map<String, String> environment = Map.of("ENCORE_LOG_FORMAT", "xml");

        // when / then
        assertThatThrownBy(() -> new EncoreConfig(EncoreConfig.merge(null, environment, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encore.log.format");
        assertThat(new EncoreConfig(Map.of(EncoreConfig.LOG_FORMAT_CONFIG, "json"))
                .getString(EncoreConfig.LOG_FORMAT_CONFIG)).isEqualTo("json");
    }

    @Test
    void shouldBuildTheTopicCatalogueWithPrefixAndPartitions() {
        // given
        EncoreConfig config = new EncoreConfig(Map.of(
                EncoreConfig.TOPIC_PREFIX_CONFIG, "test.",
                EncoreConfig.TOPIC_PARTITIONS_CONFIG, "6",
                EncoreConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://encore-config-test"));

        // when
        TopicCatalogue catalogue = config.topicCatalogue();

        // then
        assertThat(catalogue.clickEvents().name()).isEqualTo("test.click-events");
        assertThat(catalogue.guestProfiles().partitions()).isEqualTo(6);
        assertThat(catalogue.deadLetters().partitions()).isEqualTo(1);
    }
}
