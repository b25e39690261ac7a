package io.encore.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that Encore's serde needs.
 *
 * <p>Two implementations: {@link HttpSchemaRegistryClient} talks to any server of that API (Confluent,
 * Apicurio's ccompat API, Karapace, Redpanda); {@link InMemorySchemaRegistry} serves {@code mock://}
 * URLs in unit tests, so a test exercises the same id resolution and compatibility rules without a
 * server. Subjects follow the topic-name strategy: {@code <topic>-key} and {@code <topic>-value}.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its id. */
    int register(String subject, Schema schema);

    /** The schema with this id; throws {@link SchemaRegistryException} with status 404 if unknown. */
    Schema getById(int id);

    /** The id of {@code schema} if it is already registered under {@code subject}; 404 otherwise. */
    int lookup(String subject, Schema schema);

    /** Whether {@code schema} could be registered under {@code subject} by its compatibility rule. */
    boolean isCompatible(String subject, Schema schema);

    /** Sets the registry-wide default compatibility level (for example {@code BACKWARD}). */
    void setDefaultCompatibility(CompatibilityLevel level);

    @Override
    default void close() {
    }
}
