package io.encore.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerde;
import io.encore.schemas.serde.AvroWireFormat;

class TopicCatalogueTest {

    private static final Path TOPICS_DOC = Path.of("..", "docs", "topics.md");

    private final AvroWireFormat wireFormat =
            new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of("mock://catalogue-test")), true);

    /** One row of the overview table in docs/topics.md. */
    private record DocumentedTopic(String name, String valueFile, int partitions, String cleanup) {
    }

    @Test
    void shouldPrefixEveryTopicName() {
        TopicCatalogue catalogue = new TopicCatalogue("staging.", 4, wireFormat);

        assertThat(catalogue.all()).allSatisfy(topic ->
                assertThat(topic.name()).isEqualTo("staging." + topic.logicalName()));
        assertThat(catalogue.byLogicalName("click-events")).contains(catalogue.clickEvents());
    }

    @Test
    void shouldRefuseAPrefixThatIsNotAValidTopicName() {
        assertThatThrownBy(() -> new TopicCatalogue("bad prefix", 4, wireFormat))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad prefix");
    }

    @Test
    void shouldGiveEveryTopicAnAvroValueSerdeThatReadsTombstonesAsNull() {
        // given: each topic's value serde is configured with the catalogue's wire format
        TopicCatalogue catalogue = new TopicCatalogue("", 4, wireFormat);

        // then
        assertThat(catalogue.all()).allSatisfy(topic -> {
            assertThat(topic.valueSerde()).isInstanceOf(AvroSerde.class);
            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), null)).isNull();
        });
    }

    @Test
    void shouldMatchTheTopicsDocumentedInDocsTopicsMd() throws IOException {
        // given
        Map<String, DocumentedTopic> documented = readDocumentedTopics().stream()
                .collect(Collectors.toMap(DocumentedTopic::name, Function.identity()));
        TopicCatalogue catalogue = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS, wireFormat);

        // then: same topics, same partitions, same cleanup policy, and the linked schema is the value's
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(
                catalogue.all().stream().map(Topic::logicalName).toList());
        for (Topic<String, ?> topic : catalogue.all()) {
            DocumentedTopic doc = documented.get(topic.logicalName());
            assertThat(doc.partitions()).as("partitions of %s", topic.name()).isEqualTo(topic.partitions());
            assertThat(doc.cleanup()).as("cleanup of %s", topic.name()).isEqualTo(topic.cleanupPolicy().configValue());
            assertThat(doc.valueFile()).as("value schema of %s", topic.name())
                    .isEqualTo(valueRecordName(topic) + ".avsc");
        }
    }

    private static String valueRecordName(Topic<String, ?> topic) {
        return ((AvroSerde<?>) topic.valueSerde()).readerSchema().getName();
    }

    private static List<DocumentedTopic> readDocumentedTopics() throws IOException {
        return Files.readAllLines(TOPICS_DOC).stream()
                .filter(line -> line.startsWith("| `"))
                .map(TopicCatalogueTest::parseRow)
                .toList();
    }

    private static DocumentedTopic parseRow(String line) {
        String[] cells = line.split("(?<!\\\\)\\|");
        String name = cells[1].trim().replace("`", "");
        String value = cells[3].trim();
        String file = value.substring(value.lastIndexOf('/') + 1, value.lastIndexOf(')'));
        return new DocumentedTopic(name, file, Integer.parseInt(cells[4].trim()), cells[5].trim());
    }
}
