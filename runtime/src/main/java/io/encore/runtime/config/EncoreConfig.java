package io.encore.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroSerdeConfig;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * The settings every Encore app shares, validated at startup so a wrong value fails fast with the name of
 * the setting. Sources, later wins: defaults, a properties file, environment variables, explicit overrides.
 *
 * <p>Environment mapping, one rule per prefix: {@code ENCORE_TOPIC_PREFIX} → {@code encore.topic.prefix};
 * {@code KAFKA_BOOTSTRAP_SERVERS} → {@code bootstrap.servers} (any Kafka client property, passed through);
 * {@code SCHEMA_REGISTRY_URL} → {@code schema.registry.url}. Underscores become dots, letters lower case.
 */
public final class EncoreConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String BOOTSTRAP_SERVERS_DEFAULT = "localhost:9092";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to bootstrap from, host:port, comma-separated.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    public static final String SCHEMA_REGISTRY_URL_DEFAULT = "http://localhost:8081/apis/ccompat/v7";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Base URL of a Confluent-compatible schema registry "
            + "(Confluent, Apicurio's /apis/ccompat/v7, Karapace, Redpanda), or mock://<scope> in unit tests.";

    public static final String TOPIC_PREFIX_CONFIG = "encore.topic.prefix";
    public static final String TOPIC_PREFIX_DEFAULT = "";
    private static final String TOPIC_PREFIX_DOC = "Prefix of every Encore topic name, to run several environments "
            + "on one cluster.";

    public static final String TOPIC_PARTITIONS_CONFIG = "encore.topic.partitions";
    public static final int TOPIC_PARTITIONS_DEFAULT = TopicCatalogue.DEFAULT_PARTITIONS;
    private static final String TOPIC_PARTITIONS_DOC = "Partitions of the guest- and concert-keyed topics when "
            + "Encore creates them; all must match for co-partitioned joins.";

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG;
    public static final boolean AUTO_REGISTER_SCHEMAS_DEFAULT = true;
    private static final String AUTO_REGISTER_SCHEMAS_DOC = "Register schemas on first write; turn off where CI "
            + "registers them and producers must not.";

    public static final String LOG_FORMAT_CONFIG = "encore.log.format";
    public static final String LOG_FORMAT_DEFAULT = "text";
    private static final String LOG_FORMAT_DOC = "Console log format of the container images' logback-encore.xml: "
            + "text or json (one JSON object per line). Logback reads it from ENCORE_LOG_FORMAT before the settings "
            + "load; it is checked here so that a typo fails the start instead of silencing the console.";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, BOOTSTRAP_SERVERS_DEFAULT, Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, SCHEMA_REGISTRY_URL_DEFAULT, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(TOPIC_PREFIX_CONFIG, Type.STRING, TOPIC_PREFIX_DEFAULT, topicPrefixValidator(), Importance.MEDIUM,
                    TOPIC_PREFIX_DOC)
            .define(TOPIC_PARTITIONS_CONFIG, Type.INT, TOPIC_PARTITIONS_DEFAULT, Range.between(1, 1024),
                    Importance.MEDIUM, TOPIC_PARTITIONS_DOC)
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, AUTO_REGISTER_SCHEMAS_DEFAULT, Importance.LOW,
                    AUTO_REGISTER_SCHEMAS_DOC)
            .define(LOG_FORMAT_CONFIG, Type.STRING, LOG_FORMAT_DEFAULT, ConfigDef.ValidString.in("text", "json"),
                    Importance.LOW, LOG_FORMAT_DOC);

    public EncoreConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
    }

    /** The definition, for documentation and for apps that extend it with their own settings. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /**
     * Merges the sources in precedence order: {@code file} (may be null), then {@code environment}, then
     * {@code overrides}.
     */
    public static Map<String, Object> merge(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>();
        if (file != null) {
            merged.putAll(readProperties(file));
        }
        merged.putAll(fromEnvironment(environment));
        merged.putAll(overrides);
        return merged;
    }

    /** Maps {@code ENCORE_*}, {@code KAFKA_*} and {@code SCHEMA_REGISTRY_*} variables to setting names. */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("ENCORE_")) {
                settings.put(dotted(name), value);
            } else if (name.startsWith("KAFKA_")) {
                settings.put(dotted(name.substring("KAFKA_".length())), value);
            } else if (name.startsWith("SCHEMA_REGISTRY_")) {
                settings.put(dotted(name), value);
            }
        });
        return settings;
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX_CONFIG);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS_CONFIG));
    }

    /** Settings of the registry client and serdes: every original, so TLS and auth settings pass through. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>(originals());
        serde.put(SCHEMA_REGISTRY_URL_CONFIG, getString(SCHEMA_REGISTRY_URL_CONFIG));
        serde.put(AUTO_REGISTER_SCHEMAS_CONFIG, getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG));
        return serde;
    }

    /** The topic catalogue these settings describe, with serdes on one shared registry client. */
    public TopicCatalogue topicCatalogue() {
        return topicCatalogue(wireFormat());
    }

    /** The catalogue on a given wire format, so an app's private serdes can share its registry client. */
    public TopicCatalogue topicCatalogue(AvroWireFormat wireFormat) {
        return new TopicCatalogue(topicPrefix(), getInt(TOPIC_PARTITIONS_CONFIG), wireFormat);
    }

    /** A new wire format on a new registry client built from these settings. */
    public AvroWireFormat wireFormat() {
        return new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.from(serdeConfig())),
                getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG));
    }

    private static String dotted(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    private static ConfigDef.Validator topicPrefixValidator() {
        return (name, value) -> {
            if (value != null && !value.toString().matches("[a-zA-Z0-9._-]*")) {
                throw new ConfigException(name, value, "only letters, digits, '.', '_' and '-' are allowed in topic names");
            }
        };
    }
}
