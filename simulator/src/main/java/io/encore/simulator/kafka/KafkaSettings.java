package io.encore.simulator.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Where the simulator meets Encore: the broker, the schema registry the values are written with, the topic
 * prefix, and extra client settings passed through unchanged.
 */
public record KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String topicPrefix,
                            Map<String, Object> clientOverrides) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        clientOverrides = clientOverrides == null ? Map.of() : Map.copyOf(clientOverrides);
    }

    public static KafkaSettings of(String bootstrapServers, String schemaRegistryUrl, String topicPrefix) {
        return new KafkaSettings(bootstrapServers, schemaRegistryUrl, topicPrefix, Map.of());
    }

    /** Client settings for an admin client: the bootstrap servers and the overrides. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>(clientOverrides);
        settings.put("bootstrap.servers", bootstrapServers);
        return settings;
    }

    /** The topics with serdes over the registry; schemas are registered on first write. */
    public TopicCatalogue catalogue() {
        AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(schemaRegistryUrl)), true);
        return new TopicCatalogue(topicPrefix, TopicCatalogue.DEFAULT_PARTITIONS, format);
    }
}
