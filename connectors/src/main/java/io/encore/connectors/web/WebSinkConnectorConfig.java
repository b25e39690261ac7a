package io.encore.connectors.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;

import io.encore.schemas.registry.RegistryClientConfig;

/**
 * Settings of the web sink. The connector reads exactly two topics, {@code recommendations} and
 * {@code guest-profiles} under Encore's topic prefix; {@code topics} must name those two, so a typo fails
 * at start instead of silently dropping a guest's aliases.
 */
public final class WebSinkConnectorConfig extends AbstractConfig {

    public static final String REDIS_URL_CONFIG = "redis.url";
    private static final String REDIS_URL_DOC = "Redis to write to, redis://[user:password@]host:port[/db] or rediss:// for TLS.";

    public static final String KEY_PREFIX_CONFIG = "redis.key.prefix";
    public static final String KEY_PREFIX_DEFAULT = "encore:web:";
    private static final String KEY_PREFIX_DOC = "Prefix of every key the sink writes: <prefix>set:<id> and <prefix>aliases:<guestId>.";

    public static final String TTL_SECONDS_CONFIG = "web.ttl.seconds";
    public static final long TTL_SECONDS_DEFAULT = Duration.ofDays(7).toSeconds();
    private static final String TTL_SECONDS_DOC = "Time to live of each set key: a guest whose set is not republished within it falls back to the site's default.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema registry (Confluent API) the values' schema ids are resolved in.";

    public static final String TOPIC_PREFIX_CONFIG = "encore.topic.prefix";
    public static final String TOPIC_PREFIX_DEFAULT = "";
    private static final String TOPIC_PREFIX_DOC = "Encore's topic prefix; the sink reads <prefix>recommendations and <prefix>guest-profiles.";

    public static final String RETRY_BACKOFF_MS_CONFIG = "redis.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    private static final String RETRY_BACKOFF_MS_DOC = "Wait before the worker redelivers a batch whose Redis write failed on a connection error.";

    public static final String MAX_RETRIES_CONFIG = "redis.max.retries";
    public static final int MAX_RETRIES_DEFAULT = 10;
    private static final String MAX_RETRIES_DOC = "Consecutive failed writes of one batch before the task fails.";

    /** The worker's topic regex setting (SinkTask.TOPICS_REGEX_CONFIG); the web sink refuses it. */
    static final String TOPICS_REGEX_CONFIG = "topics.regex";

    public static final String RECOMMENDATIONS_TOPIC = "recommendations";
    public static final String PROFILES_TOPIC = "guest-profiles";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(REDIS_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, WebSinkConnectorConfig::validateRedisUrl,
                    Importance.HIGH, REDIS_URL_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(KEY_PREFIX_CONFIG, Type.STRING, KEY_PREFIX_DEFAULT, Importance.MEDIUM, KEY_PREFIX_DOC)
            .define(TTL_SECONDS_CONFIG, Type.LONG, TTL_SECONDS_DEFAULT, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    TTL_SECONDS_DOC)
            .define(TOPIC_PREFIX_CONFIG, Type.STRING, TOPIC_PREFIX_DEFAULT, Importance.MEDIUM, TOPIC_PREFIX_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, RETRY_BACKOFF_MS_DOC)
            .define(MAX_RETRIES_CONFIG, Type.INT, MAX_RETRIES_DEFAULT, ConfigDef.Range.atLeast(0), Importance.LOW,
                    MAX_RETRIES_DOC);

    public WebSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        validateTopics(props);
    }

    public URI redisUrl() {
        return URI.create(getString(REDIS_URL_CONFIG));
    }

    public WebKeys keys() {
        return new WebKeys(getString(KEY_PREFIX_CONFIG));
    }

    public long ttlSeconds() {
        return getLong(TTL_SECONDS_CONFIG);
    }

    public String recommendationsTopic() {
        return getString(TOPIC_PREFIX_CONFIG) + RECOMMENDATIONS_TOPIC;
    }

    public String profilesTopic() {
        return getString(TOPIC_PREFIX_CONFIG) + PROFILES_TOPIC;
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    private void validateTopics(Map<String, String> props) {
        if (props.containsKey(TOPICS_REGEX_CONFIG) && !props.get(TOPICS_REGEX_CONFIG).isBlank()) {
            throw new ConfigException(TOPICS_REGEX_CONFIG, props.get(TOPICS_REGEX_CONFIG),
                    "the web sink reads named topics only: set topics=" + expectedTopics());
        }
        String topics = props.getOrDefault(SinkConnector.TOPICS_CONFIG, "");
        Set<String> named = Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        if (!named.equals(Set.copyOf(expectedTopics()))) {
            throw new ConfigException(SinkConnector.TOPICS_CONFIG, topics, "the web sink reads exactly "
                    + String.join(",", expectedTopics()) + " (" + TOPIC_PREFIX_CONFIG + "='" + getString(TOPIC_PREFIX_CONFIG) + "')");
        }
    }

    private List<String> expectedTopics() {
        return List.of(recommendationsTopic(), profilesTopic());
    }

    private static void validateRedisUrl(String name, Object value) {
        String url = value == null ? "" : value.toString().trim();
        try {
            URI uri = new URI(url);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(name, value, "expected redis://host:port or rediss://host:port");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "not a URI: " + e.getMessage());
        }
    }
}
