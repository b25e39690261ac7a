package io.encore.web.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.encore.runtime.config.EncoreConfig;

/**
 * The web app's settings: the shared Encore settings (brokers, registry, topic prefix) plus where the app
 * listens, the Redis the web sink writes, the two stream apps' HTTP APIs and the operator view's knobs.
 * {@code ENCORE_WEB_*} environment variables map to the {@code encore.web.*} settings; the prefix keeps them
 * apart from the stream apps' {@code encore.http.*}, which the demo sets per app.
 */
public final class WebConfig extends AbstractConfig {

    public static final String HTTP_HOST_CONFIG = "encore.web.http.host";
    public static final String HTTP_PORT_CONFIG = "encore.web.http.port";
    public static final int HTTP_PORT_DEFAULT = 8080;
    public static final String REDIS_URL_CONFIG = "encore.web.redis.url";
    public static final String REDIS_KEY_PREFIX_CONFIG = "encore.web.redis.key.prefix";
    public static final String REDIS_TIMEOUT_MS_CONFIG = "encore.web.redis.timeout.ms";
    public static final String SCORING_URL_CONFIG = "encore.web.scoring.url";
    public static final String PROFILE_URL_CONFIG = "encore.web.profile.url";
    public static final String API_TIMEOUT_MS_CONFIG = "encore.web.api.timeout.ms";
    public static final String API_TOKEN_CONFIG = "encore.web.api.token";
    public static final String LAG_GROUPS_CONFIG = "encore.web.lag.groups";
    public static final String SAMPLE_INTERVAL_MS_CONFIG = "encore.web.sample.interval.ms";
    public static final String HISTORY_SECONDS_CONFIG = "encore.web.history.seconds";
    public static final String CLUSTERS_K_CONFIG = "encore.web.clusters.k";
    public static final String CLUSTERS_MAX_GUESTS_CONFIG = "encore.web.clusters.max.guests";
    public static final String CLUSTERS_SEED_CONFIG = "encore.web.clusters.seed";
    public static final String SOURCE_CONFIG = "encore.web.source";

    private static final ConfigDef DEFINITION = define();

    public WebConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
    }

    /** Defaults, then {@code file} (may be null), then the environment, then {@code overrides}. */
    public static WebConfig load(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        return new WebConfig(EncoreConfig.merge(file, environment, overrides));
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** The shared settings: brokers, registry, topic prefix; every original passes through to the clients. */
    public EncoreConfig encore() {
        return new EncoreConfig(originals());
    }

    public String httpHost() {
        return getString(HTTP_HOST_CONFIG);
    }

    public int httpPort() {
        return getInt(HTTP_PORT_CONFIG);
    }

    public URI redisUrl() {
        return URI.create(getString(REDIS_URL_CONFIG));
    }

    public String redisKeyPrefix() {
        return getString(REDIS_KEY_PREFIX_CONFIG);
    }

    public Duration redisTimeout() {
        return Duration.ofMillis(getInt(REDIS_TIMEOUT_MS_CONFIG));
    }

    public URI scoringUrl() {
        return URI.create(getString(SCORING_URL_CONFIG));
    }

    public URI profileUrl() {
        return URI.create(getString(PROFILE_URL_CONFIG));
    }

    public Duration apiTimeout() {
        return Duration.ofMillis(getInt(API_TIMEOUT_MS_CONFIG));
    }

    /** The stream apps' admin token, sent as a bearer token on every call to their APIs; empty when they run without. */
    public Optional<String> apiToken() {
        Password token = getPassword(API_TOKEN_CONFIG);
        return token == null ? Optional.empty() : Optional.of(token.value());
    }

    /** Consumer groups whose lag the operator view charts: the stream apps' application ids. */
    public List<String> lagGroups() {
        return getList(LAG_GROUPS_CONFIG);
    }

    public Duration sampleInterval() {
        return Duration.ofMillis(getInt(SAMPLE_INTERVAL_MS_CONFIG));
    }

    public int historySeconds() {
        return getInt(HISTORY_SECONDS_CONFIG);
    }

    public int clustersK() {
        return getInt(CLUSTERS_K_CONFIG);
    }

    public int clustersMaxGuests() {
        return getInt(CLUSTERS_MAX_GUESTS_CONFIG);
    }

    public long clustersSeed() {
        return getLong(CLUSTERS_SEED_CONFIG);
    }

    public String source() {
        return getString(SOURCE_CONFIG);
    }

    private static ConfigDef define() {
        return EncoreConfig.definition()
                .define(HTTP_HOST_CONFIG, Type.STRING, "0.0.0.0", Importance.MEDIUM, "Address the web app binds to.")
                .define(HTTP_PORT_CONFIG, Type.INT, HTTP_PORT_DEFAULT, Range.between(0, 65_535), Importance.MEDIUM,
                        "Port of the web app (0 picks a free one).")
                .define(REDIS_URL_CONFIG, Type.STRING, "redis://localhost:6379", urlWithScheme("redis", "rediss"),
                        Importance.HIGH, "The Redis the web sink writes the guests' WEB lists to.")
                .define(REDIS_KEY_PREFIX_CONFIG, Type.STRING, "encore:web:", Importance.MEDIUM,
                        "Prefix of the web sink's keys (its redis.key.prefix).")
                .define(REDIS_TIMEOUT_MS_CONFIG, Type.INT, 500, Range.between(10, 60_000), Importance.LOW,
                        "Connect and read timeout of one Redis call; the page falls back to scoring-stream after it.")
                .define(SCORING_URL_CONFIG, Type.STRING, "http://localhost:7071", urlWithScheme("http", "https"),
                        Importance.HIGH, "Base URL of scoring-stream's HTTP API (lists when Redis has none, /models).")
                .define(PROFILE_URL_CONFIG, Type.STRING, "http://localhost:7070", urlWithScheme("http", "https"),
                        Importance.HIGH, "Base URL of profile-stream's HTTP API (/segments).")
                .define(API_TIMEOUT_MS_CONFIG, Type.INT, 2_000, Range.between(10, 60_000), Importance.LOW,
                        "Timeout of one call to a stream app's HTTP API.")
                .define(API_TOKEN_CONFIG, Type.PASSWORD, null, Importance.HIGH,
                        "The stream apps' admin token (their encore.http.admin.token): the app reads /models, "
                                + "/segments and the explained list. Unset when they run without tokens (the demo).")
                .define(LAG_GROUPS_CONFIG, Type.LIST, "encore-profile-stream,encore-scoring-stream", Importance.MEDIUM,
                        "Consumer groups whose lag is charted: the stream apps' application.id values.")
                .define(SAMPLE_INTERVAL_MS_CONFIG, Type.INT, 1_000, Range.between(100, 60_000), Importance.LOW,
                        "How often topic end offsets and group lag are sampled.")
                .define(HISTORY_SECONDS_CONFIG, Type.INT, 300, Range.between(10, 86_400), Importance.LOW,
                        "How many seconds of samples the charts keep.")
                .define(CLUSTERS_K_CONFIG, Type.INT, 6, Range.between(1, 20), Importance.LOW,
                        "Taste clusters of web visitors (k of k-means).")
                .define(CLUSTERS_MAX_GUESTS_CONFIG, Type.INT, 5_000, Range.between(10, 1_000_000), Importance.LOW,
                        "Most visitors clustered; a larger population is sampled deterministically by id hash.")
                .define(CLUSTERS_SEED_CONFIG, Type.LONG, 42L, Importance.LOW,
                        "Seed of k-means' initial centres, so the same population gives the same clusters.")
                .define(SOURCE_CONFIG, Type.STRING, "encore-web", new ConfigDef.NonEmptyString(), Importance.LOW,
                        "The 'source' field of the events the app produces.");
    }

    private static ConfigDef.Validator urlWithScheme(String scheme, String secureScheme) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            URI uri;
            try {
                uri = URI.create(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "not a URL: " + e.getMessage());
            }
            if (!scheme.equals(uri.getScheme()) && !secureScheme.equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(name, value, "expected " + scheme + "://host:port or " + secureScheme + "://…");
            }
        }, () -> scheme + "(s)://host:port");
    }
}
