package io.encore.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WebConfigTest {

    @Test
    void shouldDefaultToTheDemosPortsAndTheStreamAppsGroups() {
        // when
        WebConfig config = WebConfig.load(null, Map.of(), Map.of());
        // then
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.redisUrl().toString()).isEqualTo("redis://localhost:6379");
        assertThat(config.redisKeyPrefix()).isEqualTo("encore:web:");
        assertThat(config.scoringUrl().toString()).isEqualTo("http://localhost:7071");
        assertThat(config.profileUrl().toString()).isEqualTo("http://localhost:7070");
        assertThat(config.lagGroups()).containsExactly("encore-profile-stream", "encore-scoring-stream");
    }

    @Test
    void shouldMapEncoreWebEnvironmentVariables() {
        // when
        WebConfig config = WebConfig.load(null, Map.of("ENCORE_WEB_HTTP_PORT", "9090",
                "ENCORE_WEB_SCORING_URL", "http://scoring:7071"), Map.of());
        // then
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.scoringUrl().getHost()).isEqualTo("scoring");
    }

    @Test
    void shouldFailNamingTheSettingWhenAUrlHasTheWrongScheme() {
        assertThatThrownBy(() -> new WebConfig(Map.of(WebConfig.REDIS_URL_CONFIG, "http://localhost:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WebConfig.REDIS_URL_CONFIG);
        assertThatThrownBy(() -> new WebConfig(Map.of(WebConfig.SCORING_URL_CONFIG, "localhost:7071")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WebConfig.SCORING_URL_CONFIG);
    }
}
