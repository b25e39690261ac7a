package io.encore.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class WebSinkConnectorTest {

    private static final Map<String, String> PROPS = Map.of("redis.url", "redis://localhost:6379",
            "schema.registry.url", "mock://connector", "topics", "recommendations,guest-profiles");

    @Test
    void shouldBeFoundByServiceLoadingWhenTheWorkerUsesServiceLoadDiscovery() {
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(WebSinkConnector.class);
    }

    @Test
    void shouldReportTheModuleVersion() {
        assertThat(new WebSinkConnector().version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldHandEveryTaskTheConnectorsSettings() {
        // given
        WebSinkConnector connector = new WebSinkConnector();
        connector.start(PROPS);
        // when / then
        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(config -> assertThat(config).isEqualTo(PROPS));
        assertThat(connector.taskClass()).isEqualTo(WebSinkTask.class);
    }

    @Test
    void shouldRefuseToStartWhenTheTopicsAreWrong() {
        WebSinkConnector connector = new WebSinkConnector();
        assertThatThrownBy(() -> connector.start(Map.of("redis.url", "redis://localhost:6379",
                "schema.registry.url", "mock://connector", "topics", "recommendations")))
                .isInstanceOf(ConfigException.class);
    }
}
