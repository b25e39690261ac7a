package io.encore.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintSinkConnectorConfigTest {

    @TempDir
    Path tmp;

    private Map<String, String> props(String outputDirectory) {
        Map<String, String> props = new HashMap<>();
        props.put("print.output.directory", outputDirectory);
        props.put("schema.registry.url", "mock://print-config");
        return props;
    }

    @Test
    void shouldUseTheDefaultsWhenOnlyTheRequiredSettingsAreGiven() {
        // when
        PrintSinkConnectorConfig config = new PrintSinkConnectorConfig(props(tmp.toString()));
        // then
        assertThat(config.outputDirectory()).isEqualTo(tmp.toAbsolutePath());
        assertThat(config.homeCountry()).isEqualTo("DK");
        assertThat(config.maxRetries()).isEqualTo(5);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldCreateTheOutputDirectoryWhenItIsMissing() {
        // given
        Path missing = tmp.resolve("print/out");
        // when
        PrintSinkConnectorConfig config = new PrintSinkConnectorConfig(props(missing.toString()));
        // then
        assertThat(config.outputDirectory()).isDirectory().isEqualTo(missing);
        assertThat(missing).isEmptyDirectory();
    }

    @Test
    void shouldFailNamingTheSettingWhenTheOutputDirectoryCannotBeCreated() throws IOException {
        // given a regular file where a parent directory should be (root may write anywhere, so no chmod)
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        // when / then
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(props(file.resolve("out").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("print.output.directory")
                .hasMessageContaining("cannot create or write to the directory");
    }

    @Test
    void shouldFailNamingTheSettingWhenTheOutputDirectoryIsMissingOrEmpty() {
        // given
        Map<String, String> none = props("x");
        none.remove("print.output.directory");
        // when / then
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(none)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("print.output.directory");
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(props(" "))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("print.output.directory");
    }

    @Test
    void shouldRejectAHomeCountryThatIsNotAnIsoCode() {
        // given
        Map<String, String> props = props(tmp.toString());
        props.put("print.home.country", "Denmark");
        // when / then
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("print.home.country");
    }

    @Test
    void shouldRejectNegativeRetriesAndBackoff() {
        // given
        Map<String, String> retries = props(tmp.toString());
        retries.put("print.max.retries", "-1");
        Map<String, String> backoff = props(tmp.toString());
        backoff.put("print.retry.backoff.ms", "-5");
        // when / then
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(retries)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("print.max.retries");
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(backoff)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("print.retry.backoff.ms");
    }

    @Test
    void shouldRequireTheSchemaRegistry() {
        // given
        Map<String, String> props = props(tmp.toString());
        props.remove("schema.registry.url");
        // when / then
        assertThatThrownBy(() -> new PrintSinkConnectorConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
