package io.encore.stack.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;

/**
 * The example worker configurations of docs/connectors.md ({@code connectors/config/worker-*.properties}) are
 * accepted by Kafka Connect's own config classes, and the local stack's worker runs the same shape.
 */
class ExampleWorkerConfigsTest {

    private static final Path CONFIG_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
            .resolve("connectors").resolve("config");

    @Test
    void shouldBeAValidDistributedWorkerConfigWhenConnectReadsTheExample() throws IOException {
        // when
        DistributedConfig config = new DistributedConfig(load("worker-distributed.properties"));
        // then
        assertThat(config.getString(DistributedConfig.GROUP_ID_CONFIG)).isEqualTo("encore-connect");
        assertThat(config.getString(WorkerConfig.PLUGIN_DISCOVERY_CONFIG)).isEqualTo("service_load");
        assertThat(config.getList(WorkerConfig.PLUGIN_PATH_CONFIG)).containsExactly("/opt/kafka-connect/plugins");
    }

    @Test
    void shouldBeAValidStandaloneWorkerConfigWhenConnectReadsTheExample() throws IOException {
        // when
        StandaloneConfig config = new StandaloneConfig(load("worker-standalone.properties"));
        // then
        assertThat(config.getString(WorkerConfig.PLUGIN_DISCOVERY_CONFIG)).isEqualTo("service_load");
        assertThat(config.getString(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG)).isNotBlank();
    }

    @Test
    void shouldSetWhatTheExampleSetsWhenTheLocalStackConfiguresItsWorker() throws IOException {
        // given
        Map<String, String> example = load("worker-distributed.properties");
        // when
        Map<String, String> local = LocalConnect.workerProperties(new LocalConnect.Settings("localhost", 8083,
                "localhost:9092", Path.of("plugins"), "encore-connect", Map.of()), 8083);
        // then: the same converters, isolation and discovery; only addresses, paths and replication differ
        for (String key : List.of("key.converter", "value.converter", "consumer.isolation.level", "plugin.discovery",
                "group.id", "config.storage.topic", "offset.storage.topic", "status.storage.topic")) {
            assertThat(local.get(key)).as(key).isEqualTo(example.get(key));
        }
        assertThat(new DistributedConfig(local).getString(DistributedConfig.CONFIG_TOPIC_CONFIG)).isEqualTo("encore-connect-configs");
    }

    @Test
    void shouldSetWhatTheExampleSetsWhenTheComposeWorkerIsRead() throws IOException {
        // given
        Map<String, String> example = load("worker-distributed.properties");
        // when
        Map<String, String> compose = load(CONFIG_DIR.resolve("../../deploy/connect/worker.properties"));
        // then: docker-compose.yml's worker is a valid one of the same shape; only addresses, paths and replication differ
        DistributedConfig config = new DistributedConfig(compose);
        assertThat(config.getList(WorkerConfig.PLUGIN_PATH_CONFIG)).containsExactly("/opt/encore/connect-plugins");
        for (String key : example.keySet()) {
            if (!key.equals("bootstrap.servers") && !key.equals("plugin.path") && !key.endsWith(".replication.factor")) {
                assertThat(compose.get(key)).as(key).isEqualTo(example.get(key));
            }
        }
    }

    private static Map<String, String> load(String file) throws IOException {
        return load(CONFIG_DIR.resolve(file));
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
        return map;
    }
}
