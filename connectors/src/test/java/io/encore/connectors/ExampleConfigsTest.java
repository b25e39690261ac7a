package io.encore.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The example configurations in {@code connectors/config/} (docs/connectors.md, "Running the sinks") stay
 * true: every connector config is accepted by its connector's own ConfigDef and start-up checks, reads topics
 * of the catalogue, and carries the settings every Encore sink needs; every connector has an example.
 */
class ExampleConfigsTest {

    private static final Path CONFIG_DIR = Path.of("config");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> connectorConfigs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIG_DIR)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("connectorConfigs")
    void shouldPassTheConnectorsOwnValidationWhenAnExampleIsChecked(Path file) throws Exception {
        // given
        Map<String, String> config = read(file);
        SinkConnector connector = (SinkConnector) Class.forName(config.get("connector.class"))
                .getDeclaredConstructor().newInstance();
        // when
        List<ConfigValue> values = connector.validate(config).configValues();
        // then: no setting has an error, and the connector starts with it (its cross-setting checks)
        assertThat(values).allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
        assertThatCode(() -> connector.start(config)).doesNotThrowAnyException();
        assertThat(connector.taskConfigs(1)).isNotEmpty();
        connector.stop();
    }

    @ParameterizedTest
    @MethodSource("connectorConfigs")
    void shouldCarryTheSettingsEverySinkNeedsWhenAnExampleIsRead(Path file) throws Exception {
        // given
        Map<String, String> config = read(file);
        // then
        assertThat(config.get("name")).isEqualTo("encore-" + file.getFileName().toString().replace(".json", ""));
        assertThat(config).containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                .containsEntry("errors.tolerance", "all")
                .containsEntry("errors.deadletterqueue.topic.name", config.get("name") + "-dead-letters")
                .containsEntry("errors.deadletterqueue.context.headers.enable", "true")
                .containsKey("schema.registry.url");
        assertThat(Arrays.stream(config.get("topics").split(",")).map(String::trim)).isNotEmpty()
                .allSatisfy(topic -> assertThat(catalogueNames()).as("topics of %s", file).contains(topic));
    }

    @Test
    void shouldHaveAnExampleForEveryConnectorWhenThePluginListsIt() throws Exception {
        // given: the connectors a worker finds with plugin.discovery=service_load
        List<String> listed;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org.apache.kafka.connect.sink.SinkConnector")) {
            assertThat(in).isNotNull();
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        // when
        List<String> examples = connectorConfigs().map(file -> read(file).get("connector.class")).toList();
        // then
        assertThat(examples).as("add config/<sink>.json for every connector").containsExactlyInAnyOrderElementsOf(listed);
    }

    @ParameterizedTest
    @MethodSource("workerConfigs")
    void shouldLoadPluginsOnlyFromThePluginPathWithEncoresConvertersWhenAWorkerUsesAnExample(Path file) throws IOException {
        // given
        Properties worker = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            worker.load(reader);
        }
        // then
        assertThat(worker).containsEntry("plugin.discovery", "service_load")
                .containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                .containsEntry("consumer.isolation.level", "read_committed")
                .containsKeys("plugin.path", "bootstrap.servers");
    }

    static Stream<Path> workerConfigs() {
        return Stream.of(CONFIG_DIR.resolve("worker-standalone.properties"), CONFIG_DIR.resolve("worker-distributed.properties"));
    }

    private static List<String> catalogueNames() {
        TopicCatalogue catalogue = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of("mock://example-configs")), true));
        return catalogue.all().stream().map(Topic::name).toList();
    }

    private static Map<String, String> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a JSON object of strings: " + e.getMessage(), e);
        }
    }
}
