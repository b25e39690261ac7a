package io.encore.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WebSinkConnectorConfigTest {

    private static Map<String, String> props(String prefix, String topics) {
        Map<String, String> props = new HashMap<>();
        props.put("redis.url", "redis://localhost:6379");
        props.put("schema.registry.url", "mock://config");
        props.put("encore.topic.prefix", prefix);
        props.put("topics", topics);
        return props;
    }

    @Test
    void shouldUseTheDefaultsWhenOnlyTheRequiredSettingsAreGiven() {
        // when
        WebSinkConnectorConfig config = new WebSinkConnectorConfig(props("", "recommendations, guest-profiles"));
        // then
        assertThat(config.keys().set("COOKIE:c1")).isEqualTo("encore:web:set:COOKIE:c1");
        assertThat(config.keys().aliases("g-1")).isEqualTo("encore:web:aliases:g-1");
        assertThat(config.ttlSeconds()).isEqualTo(7 * 24 * 3600L);
        assertThat(config.recommendationsTopic()).isEqualTo("recommendations");
    }

    @Test
    void shouldAcceptThePrefixedTopicsWhenAPrefixIsSet() {
        // when
        WebSinkConnectorConfig config = new WebSinkConnectorConfig(props("prod.", "prod.guest-profiles,prod.recommendations"));
        // then
        assertThat(config.profilesTopic()).isEqualTo("prod.guest-profiles");
    }

    @Test
    void shouldRejectTopicsThatAreNotTheTwoTheSinkReads() {
        assertThatThrownBy(() -> new WebSinkConnectorConfig(props("prod.", "recommendations,guest-profiles")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prod.recommendations,prod.guest-profiles");
    }

    @Test
    void shouldRejectARedisUrlWithoutTheRedisScheme() {
        Map<String, String> props = props("", "recommendations,guest-profiles");
        props.put("redis.url", "localhost:6379");
        assertThatThrownBy(() -> new WebSinkConnectorConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("redis.url");
    }
}
