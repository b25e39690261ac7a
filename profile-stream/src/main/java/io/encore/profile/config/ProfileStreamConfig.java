package io.encore.profile.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;

import io.encore.profile.taste.EventWeights;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.errors.SizeLimit;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.streams.StreamsApp;
import io.encore.runtime.streams.StreamsDefaults;

/**
 * profile-stream's settings: the shared Encore settings plus the model's knobs and the HTTP endpoint. Any
 * Kafka Streams or client property (for example {@code num.standby.replicas}, {@code state.dir},
 * {@code security.protocol}) passes through unchanged; {@code KAFKA_*} environment variables map to them.
 */
public final class ProfileStreamConfig extends AbstractConfig {

    public static final String HTTP_HOST_CONFIG = "encore.http.host";
    public static final String HTTP_PORT_CONFIG = "encore.http.port";
    public static final String HTTP_ADVERTISED_HOST_CONFIG = "encore.http.advertised.host";
    public static final String HALF_LIFE_DAYS_CONFIG = "encore.profile.halflife.days";
    public static final String TASTE_CONCEPTS_CONFIG = "encore.profile.taste.concepts";
    public static final String CONCEPT_TOPK_CONFIG = "encore.profile.concept.topk";
    public static final String DIMENSION_CONFIG = "encore.profile.vector.dimension";
    public static final String DEDUP_RETENTION_DAYS_CONFIG = "encore.profile.dedup.retention.days";
    public static final String PENDING_HOLD_MINUTES_CONFIG = "encore.profile.pending.hold.minutes";
    public static final String PENDING_RETRY_SECONDS_CONFIG = "encore.profile.pending.retry.seconds";
    public static final String MAX_FUTURE_SKEW_MINUTES_CONFIG = "encore.profile.max.future.skew.minutes";
    public static final String MAX_RECORD_BYTES_CONFIG = SizeLimit.SETTING;
    public static final String CURRENT_WINDOW_DAYS_CONFIG = "encore.profile.window.current.days";
    public static final String COMPARISON_WINDOW_DAYS_CONFIG = "encore.profile.window.comparison.days";
    public static final String SEGMENT_PASS_HOURS_CONFIG = "encore.profile.segment.pass.hours";
    public static final String CATALOGUE_REFRESH_SECONDS_CONFIG = "encore.profile.catalogue.refresh.seconds";
    public static final String RECENT_EVENTS_CONFIG = "encore.profile.recent.events";
    public static final String PURCHASED_CONCERTS_CONFIG = "encore.profile.purchased.concerts";
    public static final String DEFAULT_PROFILING_CONFIG = "encore.profile.consent.default.profiling";
    public static final String WEIGHT_PREFIX = "encore.profile.weight.";

    private static final ProfileSettings DEFAULTS = ProfileSettings.defaults();
    private static final ConfigDef DEFINITION = define();

    public ProfileStreamConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
    }

    /** Defaults, then {@code file} (may be null), then the environment, then {@code overrides}. */
    public static ProfileStreamConfig load(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        return new ProfileStreamConfig(EncoreConfig.merge(file, environment, overrides));
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public EncoreConfig encore() {
        return new EncoreConfig(originals());
    }

    public ProfileSettings settings() {
        EventWeights weights = new EventWeights(weight("purchase"), weight("favourite"), weight("click"),
                weight("search"), weight("email.click"), weight("ad.click"), weight("view"), weight("not.interested"),
                weight("ad.hide"), weight("unfavourite"), weight("refund"));
        return new ProfileSettings(getString(StreamsConfig.APPLICATION_ID_CONFIG), encore().topicPrefix(), weights,
                Duration.ofDays(getInt(HALF_LIFE_DAYS_CONFIG)), getInt(TASTE_CONCEPTS_CONFIG),
                getInt(CONCEPT_TOPK_CONFIG), getInt(DIMENSION_CONFIG),
                Duration.ofDays(getInt(DEDUP_RETENTION_DAYS_CONFIG)),
                Duration.ofMinutes(getInt(PENDING_HOLD_MINUTES_CONFIG)),
                Duration.ofSeconds(getInt(PENDING_RETRY_SECONDS_CONFIG)),
                Duration.ofMinutes(getInt(MAX_FUTURE_SKEW_MINUTES_CONFIG)),
                Duration.ofDays(getInt(CURRENT_WINDOW_DAYS_CONFIG)),
                Duration.ofDays(getInt(COMPARISON_WINDOW_DAYS_CONFIG)),
                Duration.ofHours(getInt(SEGMENT_PASS_HOURS_CONFIG)),
                Duration.ofSeconds(getInt(CATALOGUE_REFRESH_SECONDS_CONFIG)),
                getInt(RECENT_EVENTS_CONFIG), getInt(PURCHASED_CONCERTS_CONFIG), getBoolean(DEFAULT_PROFILING_CONFIG),
                getInt(MAX_RECORD_BYTES_CONFIG));
    }

    public String httpHost() {
        return getString(HTTP_HOST_CONFIG);
    }

    public int httpPort() {
        return getInt(HTTP_PORT_CONFIG);
    }

    public String advertisedHost() {
        return getString(HTTP_ADVERTISED_HOST_CONFIG);
    }

    /** The Kafka Streams properties: every original, with the defaults of {@link StreamsDefaults}. */
    public Properties streamsProperties(String deadLetterTopic) {
        return StreamsDefaults.properties(originals(), getString(StreamsConfig.APPLICATION_ID_CONFIG),
                encore().bootstrapServers(), endpoint(), deadLetterTopic);
    }

    public StreamsApp.Endpoint endpoint() {
        return new StreamsApp.Endpoint(httpHost(), httpPort(), advertisedHost());
    }

    /**
     * The HTTP API's bearer tokens ({@code encore.http.auth.token}, {@code encore.http.admin.token}), or none
     * with {@code encore.http.auth.enabled=false}.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the settings when tokens are on but missing
     */
    public BearerAuth httpAuth() {
        return BearerAuth.from(this);
    }

    private double weight(String name) {
        return getDouble(WEIGHT_PREFIX + name);
    }

    private static ConfigDef define() {
        ConfigDef def = BearerAuth.define(EncoreConfig.definition())
                .define(StreamsConfig.APPLICATION_ID_CONFIG, Type.STRING, ProfileSettings.APPLICATION_ID_DEFAULT,
                        Importance.HIGH, "Kafka Streams application id; prefix of internal topics and the group id.")
                .define(HTTP_HOST_CONFIG, Type.STRING, "0.0.0.0", Importance.MEDIUM, "Address the HTTP API binds to.")
                .define(HTTP_PORT_CONFIG, Type.INT, 7070, Range.between(0, 65535), Importance.MEDIUM, "HTTP API port.")
                .define(HTTP_ADVERTISED_HOST_CONFIG, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name other instances use to reach this one (application.server).")
                .define(HALF_LIFE_DAYS_CONFIG, Type.INT, (int) DEFAULTS.halfLife().toDays(), Range.atLeast(1),
                        Importance.MEDIUM, "Taste half-life in days: an event this old counts half.")
                .define(TASTE_CONCEPTS_CONFIG, Type.INT, DEFAULTS.tasteConcepts(), Range.between(8, 10_000),
                        Importance.LOW, "Concepts kept per guest, by largest absolute weight.")
                .define(CONCEPT_TOPK_CONFIG, Type.INT, DEFAULTS.conceptTopK(), Range.between(1, 1_000), Importance.LOW,
                        "Concepts published per concert profile.")
                .define(DIMENSION_CONFIG, Type.INT, DEFAULTS.dimension(), Range.between(8, 4_096), Importance.LOW,
                        "Length of concert and taste vectors; changing it needs a reset of profile-stream's state.")
                .define(DEDUP_RETENTION_DAYS_CONFIG, Type.INT, (int) DEFAULTS.dedupRetention().toDays(),
                        Range.atLeast(1), Importance.MEDIUM, "How long event ids are remembered for de-duplication.")
                .define(PENDING_HOLD_MINUTES_CONFIG, Type.INT, (int) DEFAULTS.pendingHold().toMinutes(),
                        Range.atLeast(1), Importance.MEDIUM,
                        "How long an event for an unknown concert waits before it is dead-lettered.")
                .define(PENDING_RETRY_SECONDS_CONFIG, Type.INT, (int) DEFAULTS.pendingRetry().toSeconds(),
                        Range.atLeast(1), Importance.LOW, "How often held events are retried.")
                .define(MAX_FUTURE_SKEW_MINUTES_CONFIG, Type.INT, (int) DEFAULTS.maxFutureSkew().toMinutes(),
                        Range.atLeast(0), Importance.LOW, "Events further ahead of the wall clock are rejected.")
                .define(CURRENT_WINDOW_DAYS_CONFIG, Type.INT, (int) DEFAULTS.currentWindow().toDays(), Range.atLeast(30),
                        Importance.MEDIUM, "RFM current window in days (rounded to whole months).")
                .define(COMPARISON_WINDOW_DAYS_CONFIG, Type.INT, (int) DEFAULTS.comparisonWindow().toDays(),
                        Range.atLeast(30), Importance.MEDIUM, "RFM comparison window in days, before the current one.")
                .define(SEGMENT_PASS_HOURS_CONFIG, Type.INT, (int) DEFAULTS.segmentPass().toHours(), Range.atLeast(1),
                        Importance.LOW, "How often every guest's lifecycle is re-evaluated as time passes.")
                .define(CATALOGUE_REFRESH_SECONDS_CONFIG, Type.INT, (int) DEFAULTS.catalogueRefresh().toSeconds(),
                        Range.atLeast(1), Importance.LOW, "How often concerts are re-weighted after the catalogue changed.")
                .define(RECENT_EVENTS_CONFIG, Type.INT, DEFAULTS.recentEvents(), Range.between(0, 1_000), Importance.LOW,
                        "Events remembered per guest for explanations.")
                .define(PURCHASED_CONCERTS_CONFIG, Type.INT, DEFAULTS.purchasedConcerts(), Range.between(1, 10_000),
                        Importance.LOW, "Bought concerts remembered per guest.")
                .define(DEFAULT_PROFILING_CONFIG, Type.BOOLEAN, DEFAULTS.defaultProfiling(), Importance.HIGH,
                        "Whether a guest with no consent record yet may be profiled (web personalization only).")
                .define(MAX_RECORD_BYTES_CONFIG, Type.INT, DEFAULTS.maxRecordBytes(), Range.atLeast(1_024),
                        Importance.LOW, "Input record values larger than this many bytes are dead-lettered undecoded.");
        EventWeights w = DEFAULTS.weights();
        Object[][] weights = {{"purchase", w.purchase()}, {"favourite", w.favourite()}, {"click", w.click()},
            {"search", w.search()}, {"email.click", w.emailClick()}, {"ad.click", w.adClick()}, {"view", w.view()},
            {"not.interested", w.notInterested()}, {"ad.hide", w.adHide()}, {"unfavourite", w.unfavourite()},
            {"refund", w.refund()}};
        for (Object[] weight : weights) {
            def.define(WEIGHT_PREFIX + weight[0], Type.DOUBLE, weight[1], Importance.LOW,
                    "Taste weight of a " + weight[0] + " event (negative pushes away).");
        }
        return def;
    }
}
