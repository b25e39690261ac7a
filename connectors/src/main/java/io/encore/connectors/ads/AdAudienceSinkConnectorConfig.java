package io.encore.connectors.ads;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.encore.schemas.registry.RegistryClientConfig;

/**
 * Settings of the ad audience sink, validated when the connector starts so a bad value fails the
 * connector with a message naming the setting instead of failing every task later. The token is a
 * {@link Password}, so Connect never logs or returns it in plain text.
 */
public final class AdAudienceSinkConnectorConfig extends AbstractConfig {

    /** Ad platforms take at most 10,000 identifiers per upload call (Meta's documented limit). */
    public static final int MAX_BATCH_SIZE = 10_000;

    public static final String ENDPOINT_CONFIG = "ads.endpoint";
    private static final String ENDPOINT_DOC = "Base URL of the ad platform's audience API (http or https); "
            + "members are posted to {endpoint}/audiences/{audienceId}/members.";

    public static final String TOKEN_CONFIG = "ads.token";
    private static final String TOKEN_DOC = "Access token sent as 'Authorization: Bearer <token>'.";

    public static final String BATCH_SIZE_CONFIG = "ads.batch.size";
    public static final int BATCH_SIZE_DEFAULT = MAX_BATCH_SIZE;
    private static final String BATCH_SIZE_DOC = "Most hashes (added plus removed) in one request, 1 to "
            + MAX_BATCH_SIZE + ".";

    public static final String MAX_RETRIES_CONFIG = "ads.max.retries";
    public static final int MAX_RETRIES_DEFAULT = 5;
    private static final String MAX_RETRIES_DOC = "Retries of one request after a 429, a 5xx or an I/O error "
            + "before the task gives the batch back to the worker (RetriableException, offsets not committed).";

    public static final String RETRY_BACKOFF_MS_CONFIG = "ads.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    private static final String RETRY_BACKOFF_MS_DOC = "First wait after a 5xx or I/O error; doubled on every "
            + "further retry. A 429 waits for its Retry-After seconds instead, when it sends one.";

    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "ads.retry.backoff.max.ms";
    public static final long RETRY_BACKOFF_MAX_MS_DEFAULT = 60_000L;
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Longest single wait, Retry-After included; keeps a "
            + "task well inside the consumer's max.poll.interval.ms.";

    public static final String REQUEST_TIMEOUT_MS_CONFIG = "ads.request.timeout.ms";
    public static final long REQUEST_TIMEOUT_MS_DEFAULT = 30_000L;
    private static final String REQUEST_TIMEOUT_MS_DOC = "Bound on one HTTP exchange, connect included.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = RegistryClientConfig.URL_CONFIG;
    private static final String SCHEMA_REGISTRY_URL_DOC = "Schema registry the concert-audiences values were "
            + "written with (http(s)://... or mock://scope in tests); values arrive as bytes "
            + "(ByteArrayConverter) and are decoded by the task.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(ENDPOINT_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, AdAudienceSinkConnectorConfig::validateUrl,
                    Importance.HIGH, ENDPOINT_DOC)
            .define(TOKEN_CONFIG, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, TOKEN_DOC)
            .define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, MAX_BATCH_SIZE),
                    Importance.MEDIUM, BATCH_SIZE_DOC)
            .define(MAX_RETRIES_CONFIG, Type.INT, MAX_RETRIES_DEFAULT, Range.atLeast(0), Importance.MEDIUM,
                    MAX_RETRIES_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.atLeast(0L),
                    Importance.LOW, RETRY_BACKOFF_MS_DOC)
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MAX_MS_DEFAULT, Range.atLeast(0L),
                    Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, REQUEST_TIMEOUT_MS_DEFAULT, Range.atLeast(1L),
                    Importance.LOW, REQUEST_TIMEOUT_MS_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), Importance.HIGH, SCHEMA_REGISTRY_URL_DOC);

    private final URI endpoint;
    private final Password token;
    private final int batchSize;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration retryBackoffMax;
    private final Duration requestTimeout;

    public AdAudienceSinkConnectorConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
        this.endpoint = URI.create(stripTrailingSlash(getString(ENDPOINT_CONFIG)));
        this.token = getPassword(TOKEN_CONFIG);
        if (token.value().isBlank()) {
            throw new ConfigException(TOKEN_CONFIG, "(hidden)", "an access token is required");
        }
        this.batchSize = getInt(BATCH_SIZE_CONFIG);
        this.maxRetries = getInt(MAX_RETRIES_CONFIG);
        this.retryBackoff = Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
        this.retryBackoffMax = Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS_CONFIG));
        this.requestTimeout = Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS_CONFIG));
    }

    public URI endpoint() {
        return endpoint;
    }

    public Password token() {
        return token;
    }

    public int batchSize() {
        return batchSize;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The registry client settings, read with the Confluent property names from the connector config. */
    public RegistryClientConfig registry() {
        return RegistryClientConfig.from(originals());
    }

    private static void validateUrl(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "a base URL is required");
        }
        try {
            URI uri = new URI(value.toString());
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                throw new ConfigException(name, value, "expected an http(s)://host[:port][/path] URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "not a URL: " + e.getMessage());
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
