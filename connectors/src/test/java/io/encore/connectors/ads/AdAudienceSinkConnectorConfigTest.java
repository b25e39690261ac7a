package io.encore.connectors.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AdAudienceSinkConnectorConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(AdAudienceSinkConnectorConfig.ENDPOINT_CONFIG, "https://ads.example.com/v1/");
        props.put(AdAudienceSinkConnectorConfig.TOKEN_CONFIG, "s3cret");
        props.put(AdAudienceSinkConnectorConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://config-test");
        return props;
    }

    @Test
    void shouldUseDefaultsWhenOnlyRequiredSettingsGiven() {
        AdAudienceSinkConnectorConfig config = new AdAudienceSinkConnectorConfig(minimal());

        assertThat(config.endpoint()).hasToString("https://ads.example.com/v1");
        assertThat(config.batchSize()).isEqualTo(10_000);
        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.registry().url()).isEqualTo("mock://config-test");
    }

    @Test
    void shouldHideTokenWhenConfigIsPrinted() {
        AdAudienceSinkConnectorConfig config = new AdAudienceSinkConnectorConfig(minimal());

        assertThat(config.token().value()).isEqualTo("s3cret");
        assertThat(config.token().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRejectBatchSizeWhenAbove10000() {
        Map<String, String> props = minimal();
        props.put(AdAudienceSinkConnectorConfig.BATCH_SIZE_CONFIG, "10001");

        assertThatThrownBy(() -> new AdAudienceSinkConnectorConfig(props))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ads.batch.size");
    }

    @Test
    void shouldRejectEndpointWhenNotHttp() {
        Map<String, String> props = minimal();
        props.put(AdAudienceSinkConnectorConfig.ENDPOINT_CONFIG, "ftp://ads.example.com");

        assertThatThrownBy(() -> new AdAudienceSinkConnectorConfig(props))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ads.endpoint");
    }

    @Test
    void shouldRejectConfigWhenTokenMissing() {
        Map<String, String> props = minimal();
        props.remove(AdAudienceSinkConnectorConfig.TOKEN_CONFIG);

        assertThatThrownBy(() -> new AdAudienceSinkConnectorConfig(props))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ads.token");
    }

    @Test
    void shouldGiveEveryTaskTheConnectorSettingsWhenStarted() {
        AdAudienceSinkConnector connector = new AdAudienceSinkConnector();
        connector.start(minimal());

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(minimal()));
        assertThat(connector.taskClass()).isEqualTo(AdAudienceSinkTask.class);
    }
}
