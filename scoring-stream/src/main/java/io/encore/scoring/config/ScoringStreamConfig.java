package io.encore.scoring.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.streams.StreamsApp;
import io.encore.runtime.streams.StreamsDefaults;
import io.encore.schemas.avro.Channel;

/**
 * scoring-stream's settings: the shared Encore settings plus the ranking, bandit and audience knobs and the
 * HTTP endpoint. Any Kafka Streams or client property (for example {@code num.standby.replicas},
 * {@code state.dir}, {@code security.protocol}) passes through unchanged; {@code KAFKA_*} environment
 * variables map to them, {@code ENCORE_SCORING_*} to the settings below.
 */
public final class ScoringStreamConfig extends AbstractConfig {

    public static final String HTTP_HOST_CONFIG = "encore.http.host";
    public static final String HTTP_PORT_CONFIG = "encore.http.port";
    public static final int HTTP_PORT_DEFAULT = 7071;
    public static final String HTTP_ADVERTISED_HOST_CONFIG = "encore.http.advertised.host";
    public static final String DIMENSION_CONFIG = "encore.scoring.vector.dimension";
    public static final String CHANNELS_CONFIG = "encore.scoring.channels";
    public static final String TOP_N_CONFIG = "encore.scoring.top.n";
    public static final String CHANGE_MOVE_WINDOW_CONFIG = "encore.scoring.change.move.window";
    public static final String CHANGE_MIN_MOVE_CONFIG = "encore.scoring.change.min.move";
    public static final String MAX_PER_PERFORMER_CONFIG = "encore.scoring.diversity.max.per.performer";
    public static final String MAX_PER_TAG_CONFIG = "encore.scoring.diversity.max.per.tag";
    public static final String EXPLORATION_CONFIG = "encore.scoring.exploration";
    public static final String HOLDOUT_SHARE_CONFIG = "encore.scoring.holdout.share";
    public static final String ATTRIBUTION_WINDOW_DAYS_CONFIG = "encore.scoring.attribution.window.days";
    public static final String CLICK_REWARD_CONFIG = "encore.scoring.click.reward";
    public static final String EXPOSURE_WINDOW_MS_CONFIG = "encore.scoring.exposure.window.ms";
    public static final String RESCORE_INTERVAL_MS_CONFIG = "encore.scoring.rescore.interval.ms";
    public static final String RESCORE_BATCH_CONFIG = "encore.scoring.rescore.batch";
    public static final String AUDIENCE_SIZE_CONFIG = "encore.scoring.audience.size";
    public static final String AUDIENCE_PUBLISH_INTERVAL_MS_CONFIG = "encore.scoring.audience.publish.interval.ms";
    public static final String CONTACT_MAX_PER_WEEK_CONFIG = "encore.scoring.contact.max.per.week";
    public static final String CONCERT_URL_TEMPLATE_CONFIG = "encore.scoring.concert.url.template";

    /** Longest list a channel can ask for; the HTTP API's {@code limit} has the same bound. */
    public static final int MAX_TOP_N = 100;
    /** Audience members per concert: a ConcertAudience record must stay well below Kafka's 1 MB message limit. */
    public static final int MAX_AUDIENCE_SIZE = 5_000;

    private static final ScoringSettings DEFAULTS = ScoringSettings.defaults();
    private static final ConfigDef DEFINITION = define();

    public ScoringStreamConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
    }

    /** Defaults, then {@code file} (may be null), then the environment, then {@code overrides}. */
    public static ScoringStreamConfig load(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        return new ScoringStreamConfig(EncoreConfig.merge(file, environment, overrides));
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public EncoreConfig encore() {
        return new EncoreConfig(originals());
    }

    public ScoringSettings settings() {
        return new ScoringSettings(getString(StreamsConfig.APPLICATION_ID_CONFIG), encore().topicPrefix(),
                getInt(DIMENSION_CONFIG), channels(getList(CHANNELS_CONFIG)), getInt(TOP_N_CONFIG),
                getInt(MAX_PER_PERFORMER_CONFIG), getInt(MAX_PER_TAG_CONFIG), getDouble(EXPLORATION_CONFIG),
                getDouble(HOLDOUT_SHARE_CONFIG), Duration.ofDays(getInt(ATTRIBUTION_WINDOW_DAYS_CONFIG)),
                getDouble(CLICK_REWARD_CONFIG), Duration.ofMillis(getLong(RESCORE_INTERVAL_MS_CONFIG)),
                getInt(RESCORE_BATCH_CONFIG), getInt(AUDIENCE_SIZE_CONFIG), topNByChannel(),
                getInt(CHANGE_MOVE_WINDOW_CONFIG), getInt(CHANGE_MIN_MOVE_CONFIG), getInt(CONTACT_MAX_PER_WEEK_CONFIG),
                getString(CONCERT_URL_TEMPLATE_CONFIG), Duration.ofMillis(getLong(EXPOSURE_WINDOW_MS_CONFIG)),
                Duration.ofMillis(getLong(AUDIENCE_PUBLISH_INTERVAL_MS_CONFIG)));
    }

    /** {@code encore.scoring.top.n.<channel>} where set; other channels use {@code encore.scoring.top.n}. */
    private Map<Channel, Integer> topNByChannel() {
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            if (channel == Channel.UNKNOWN) {
                continue;
            }
            Integer value = getInt(TOP_N_CONFIG + "." + channel.name().toLowerCase(Locale.ROOT));
            if (value != null) {
                byChannel.put(channel, value);
            }
        }
        return byChannel;
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

    /** The channel of a name, whatever its case; empty for names that are no channel (and for UNKNOWN). */
    public static Optional<Channel> channel(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(Channel.values()).filter(c -> c != Channel.UNKNOWN && c.name().equals(upper)).findFirst();
    }

    private static List<Channel> channels(List<String> names) {
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            channels.add(channel(name).orElseThrow());
        }
        return List.copyOf(channels);
    }

    private static ConfigDef define() {
        ConfigDef definition = BearerAuth.define(EncoreConfig.definition())
                .define(StreamsConfig.APPLICATION_ID_CONFIG, Type.STRING, ScoringSettings.APPLICATION_ID_DEFAULT,
                        Importance.HIGH, "Kafka Streams application id; prefix of internal and private topics and the group id.")
                .define(HTTP_HOST_CONFIG, Type.STRING, "0.0.0.0", Importance.MEDIUM, "Address the HTTP API binds to.")
                .define(HTTP_PORT_CONFIG, Type.INT, HTTP_PORT_DEFAULT, Range.between(0, 65535), Importance.MEDIUM,
                        "HTTP API port (0 picks a free one).")
                .define(HTTP_ADVERTISED_HOST_CONFIG, Type.STRING, "localhost", Importance.MEDIUM,
                        "Host name other instances use to reach this one (application.server).")
                .define(DIMENSION_CONFIG, Type.INT, DEFAULTS.dimension(), Range.between(8, 4_096), Importance.MEDIUM,
                        "Length of concert and taste vectors; must equal profile-stream's encore.profile.vector.dimension.")
                .define(CHANNELS_CONFIG, Type.LIST, names(DEFAULTS.channels()), new ChannelsValidator(), Importance.HIGH,
                        "Channels a list is kept for, each only for guests who consent to it.")
                .define(TOP_N_CONFIG, Type.INT, DEFAULTS.topN(), Range.between(1, MAX_TOP_N), Importance.MEDIUM,
                        "Items per recommendation list.")
                .define(MAX_PER_PERFORMER_CONFIG, Type.INT, DEFAULTS.maxPerPerformer(), Range.between(1, MAX_TOP_N),
                        Importance.LOW, "Diversity: at most this many items of a list share a performer.")
                .define(MAX_PER_TAG_CONFIG, Type.INT, DEFAULTS.maxPerTag(), Range.between(1, MAX_TOP_N), Importance.LOW,
                        "Diversity: at most this many items of a list share a tag.")
                .define(EXPLORATION_CONFIG, Type.DOUBLE, DEFAULTS.exploration(), Range.between(0.0, 1.0),
                        Importance.LOW, "Share of a list's slots filled from beyond the top, so new concerts get seen.")
                .define(HOLDOUT_SHARE_CONFIG, Type.DOUBLE, DEFAULTS.holdoutShare(), Range.between(0.0, 1.0),
                        Importance.MEDIUM, "Share of guests who get the non-personalised control list, to measure uplift.")
                .define(ATTRIBUTION_WINDOW_DAYS_CONFIG, Type.INT, (int) DEFAULTS.attributionWindow().toDays(),
                        Range.between(1, 90), Importance.MEDIUM,
                        "How long after a list a click or purchase still counts as its reward.")
                .define(EXPOSURE_WINDOW_MS_CONFIG, Type.LONG, DEFAULTS.exposureWindow().toMillis(),
                        Range.between(1_000, Duration.ofDays(30).toMillis()), Importance.MEDIUM,
                        "The experiment's unit: how long a guest keeps the bandit's arm on a channel; the lists "
                                + "published meanwhile are one trial with one reward (the strongest response).")
                .define(CLICK_REWARD_CONFIG, Type.DOUBLE, DEFAULTS.clickReward(), Range.between(0.0, 1.0),
                        Importance.LOW, "Bandit reward of a click without a purchase (a purchase is 1).")
                .define(RESCORE_INTERVAL_MS_CONFIG, Type.LONG, DEFAULTS.rescoreInterval().toMillis(),
                        Range.between(10, 3_600_000), Importance.LOW,
                        "How often a catalogue change is applied to the next batch of the task's guests (wall clock).")
                .define(RESCORE_BATCH_CONFIG, Type.INT, DEFAULTS.rescoreBatch(), Range.between(1, 1_000_000),
                        Importance.LOW, "Guests re-scored per interval after a catalogue change.")
                .define(AUDIENCE_SIZE_CONFIG, Type.INT, DEFAULTS.audienceSize(), Range.between(1, MAX_AUDIENCE_SIZE),
                        Importance.MEDIUM, "Members kept per concert audience, highest score first.")
                .define(AUDIENCE_PUBLISH_INTERVAL_MS_CONFIG, Type.LONG, DEFAULTS.audiencePublishInterval().toMillis(),
                        Range.between(10, 3_600_000), Importance.LOW,
                        "How often changed concert audiences are published (wall clock); the membership changes "
                                + "of the interval are applied together.")
                .define(CHANGE_MOVE_WINDOW_CONFIG, Type.INT, DEFAULTS.changeMoveWindow(), Range.between(1, MAX_TOP_N),
                        Importance.LOW, "A rank move is a change worth publishing when it touches the first this many ranks.")
                .define(CHANGE_MIN_MOVE_CONFIG, Type.INT, DEFAULTS.changeMinMove(), Range.between(1, MAX_TOP_N),
                        Importance.LOW, "... and moves at least this many places (additions and removals always count).")
                .define(CONTACT_MAX_PER_WEEK_CONFIG, Type.INT, DEFAULTS.contactMaxPerWeek(), Range.between(0, 100),
                        Importance.MEDIUM, "Campaign e-mails a guest may receive in any 7 days, across campaigns; "
                                + "further campaigns skip the guest as capped.")
                .define(CONCERT_URL_TEMPLATE_CONFIG, Type.STRING, DEFAULTS.concertUrlTemplate(),
                        new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Link to a concert page in campaign e-mails; {concertId}, {sendId} and {recommendationId} "
                                + "are replaced (URL-encoded).");
        for (Channel channel : Channel.values()) {
            if (channel != Channel.UNKNOWN) {
                definition.define(TOP_N_CONFIG + "." + channel.name().toLowerCase(Locale.ROOT), Type.INT, null,
                        ConfigDef.LambdaValidator.with((name, value) -> {
                            if (value != null && ((Integer) value < 1 || (Integer) value > MAX_TOP_N)) {
                                throw new ConfigException(name, value, "must be between 1 and " + MAX_TOP_N);
                            }
                        }, () -> "[1,...," + MAX_TOP_N + "] or unset"), Importance.LOW,
                        "Items per list on the " + channel + " channel; unset = " + TOP_N_CONFIG + ".");
            }
        }
        return definition;
    }

    private static List<String> names(List<Channel> channels) {
        return channels.stream().map(Channel::name).toList();
    }

    /** A non-empty list of distinct channel names, in any case. */
    private static final class ChannelsValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) value;
            if (names == null || names.isEmpty()) {
                throw new ConfigException(name, value, "at least one channel is needed");
            }
            List<Channel> seen = new ArrayList<>();
            for (String channel : names) {
                Channel parsed = channel(channel).orElseThrow(() -> new ConfigException(name, value,
                        "'" + channel + "' is not a channel; use " + this));
                if (seen.contains(parsed)) {
                    throw new ConfigException(name, value, parsed + " is listed twice");
                }
                seen.add(parsed);
            }
        }

        @Override
        public String toString() {
            return "a list of " + String.join(", ", names(Arrays.stream(Channel.values())
                    .filter(c -> c != Channel.UNKNOWN).toList()));
        }
    }
}
