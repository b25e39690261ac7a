package io.encore.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintSinkConnectorTest {

    @TempDir
    Path outputDir;

    @Test
    void shouldBeFoundByServiceLoadingWhenTheWorkerUsesServiceLoadDiscovery() {
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(PrintSinkConnector.class);
    }

    @Test
    void shouldRunOneTaskWithTheConnectorsSettingsWhateverTasksMaxSays() {
        // given
        Map<String, String> props = Map.of("print.output.directory", outputDir.toString(),
                "schema.registry.url", "mock://print-connector", "topics", "print-sends");
        PrintSinkConnector connector = new PrintSinkConnector();
        connector.start(props);
        // when / then
        assertThat(connector.taskConfigs(4)).containsExactly(props);
        assertThat(connector.taskConfigs(1)).containsExactly(props);
        assertThat(connector.taskClass()).isEqualTo(PrintSinkTask.class);
        assertThat(connector.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldRefuseToStartWhenTheOutputDirectoryIsMissing() {
        PrintSinkConnector connector = new PrintSinkConnector();
        assertThatThrownBy(() -> connector.start(Map.of("schema.registry.url", "mock://print-connector")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("print.output.directory");
    }
}
