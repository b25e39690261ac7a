package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.registry.HttpSchemaRegistryClient;
import io.encore.schemas.registry.RegistryClientConfig;

/** The stack that {@code ./encore stack} runs: its own broker and a registry that keeps schemas on disk. */
class LocalStackIT {

    private final Path dataDir = createDataDir();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void deleteDataDir() throws IOException {
        Directories.deleteRecursively(dataDir);
    }

    @Test
    void shouldCreateEveryTopicAndKeepTopicsAndSchemasAcrossARestart() {
        // given: a first start registers a schema, as the apps do on their first write
        int schemaId;
        int topicCount;
        Schema concert = Concert.getClassSchema();
        try (LocalStack stack = LocalStack.start(settings(), progress::add)) {
            assertThat(stack.topics()).extracting(TopicProvisioner.Provisioned::name)
                    .containsExactlyElementsOf(stack.catalogue().all().stream().map(t -> t.name()).toList());
            assertThat(stack.topics()).allMatch(TopicProvisioner.Provisioned::created);
            topicCount = stack.topics().size();
            schemaId = new HttpSchemaRegistryClient(RegistryClientConfig.of(stack.registryUrl()))
                    .register(stack.catalogue().concerts().name() + "-value", concert);
        }

        // when: the stack starts again on the same data directory
        try (LocalStack again = LocalStack.start(settings(), progress::add)) {

            // then: topics are reused, and records already on the broker still resolve their schema id
            assertThat(again.topics()).hasSize(again.catalogue().all().size()).noneMatch(TopicProvisioner.Provisioned::created);
            assertThat(new HttpSchemaRegistryClient(RegistryClientConfig.of(again.registryUrl())).getById(schemaId))
                    .isEqualTo(concert);
        }
        assertThat(progress).anyMatch(line -> line.startsWith("Kafka broker ready"))
                .anyMatch(line -> line.startsWith("Schema registry ready"))
                .anyMatch(line -> line.startsWith(topicCount + " topics ready"));
    }

    private LocalStack.Settings settings() {
        return new LocalStack.Settings("127.0.0.1", 0, 0, 0, dataDir,
                Path.of(System.getProperty(LocalRegistry.RUNNER_PROPERTY)), "");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("encore-stack-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
