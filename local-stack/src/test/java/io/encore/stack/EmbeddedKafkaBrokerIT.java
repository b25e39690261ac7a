package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

@ExtendWith(LocalStackExtension.class)
class EmbeddedKafkaBrokerIT {

    @Test
    void shouldDeliverCommittedTransactionalRecordsToAReadCommittedConsumer(SharedStack stack, TestNames names)
            throws ExecutionException, InterruptedException {
        // given: a topic on the real broker
        String topic = names.topic("round-trip");
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }

        // when: a transactional producer commits three records (exercises the transaction coordinator)
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, names.applicationId());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "guest-" + i, "event-" + i));
            }
            producer.commitTransaction();
        }

        // then
        assertThat(readAll(stack, names, topic, 3)).containsExactlyInAnyOrder("event-0", "event-1", "event-2");
    }

    @Test
    void shouldCreateEveryCatalogueTopicWithItsPartitionsAndCleanupPolicy(SharedStack stack, TestNames names)
            throws ExecutionException, InterruptedException {
        // given
        TopicCatalogue catalogue = new TopicCatalogue(names.topicPrefix(), TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of("mock://provisioning")), true));

        try (Admin admin = stack.admin()) {
            // when: provisioned twice, as a second start of the stack does
            List<TopicProvisioner.Provisioned> first = TopicProvisioner.ensure(admin, catalogue.all());
            List<TopicProvisioner.Provisioned> second = TopicProvisioner.ensure(admin, catalogue.all());

            // then
            assertThat(first).hasSize(catalogue.all().size()).allMatch(TopicProvisioner.Provisioned::created);
            assertThat(second).noneMatch(TopicProvisioner.Provisioned::created);
            ConfigResource profiles = new ConfigResource(ConfigResource.Type.TOPIC, catalogue.guestProfiles().name());
            ConfigResource clicks = new ConfigResource(ConfigResource.Type.TOPIC, catalogue.clickEvents().name());
            var configs = admin.describeConfigs(List.of(profiles, clicks)).all().get();
            assertThat(configs.get(profiles).get("cleanup.policy")).extracting(ConfigEntry::value).isEqualTo("compact");
            assertThat(configs.get(clicks).get("cleanup.policy")).extracting(ConfigEntry::value).isEqualTo("delete");
            var described = admin.describeTopics(List.of(catalogue.clickEvents().name(), catalogue.deadLetters().name()))
                    .allTopicNames().get();
            assertThat(described.get(catalogue.clickEvents().name()).partitions()).hasSize(4);
            assertThat(described.get(catalogue.deadLetters().name()).partitions()).hasSize(1);
        }
    }

    private static List<String> readAll(SharedStack stack, TestNames names, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, names.groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
