package io.encore.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.schemas.avro.Channel;

class ScoringStreamConfigTest {

    @Test
    void shouldGiveTheDocumentedDefaultsWhenNothingIsSet() {
        // when
        ScoringStreamConfig config = new ScoringStreamConfig(Map.of());
        // then
        assertThat(config.settings()).isEqualTo(ScoringSettings.defaults());
        assertThat(config.httpPort()).isEqualTo(7071);
    }

    @Test
    void shouldTakeSettingsFromTheEnvironmentWhenVariablesAreSet() {
        // given
        Map<String, String> environment = Map.of("ENCORE_SCORING_TOP_N", "20",
                "ENCORE_SCORING_CHANNELS", "web, email", "ENCORE_SCORING_HOLDOUT_SHARE", "0.1",
                "ENCORE_SCORING_ATTRIBUTION_WINDOW_DAYS", "3", "ENCORE_SCORING_DIVERSITY_MAX_PER_TAG", "6",
                "ENCORE_TOPIC_PREFIX", "prod.");
        // when
        ScoringSettings settings = ScoringStreamConfig.load(null, environment, Map.of()).settings();
        // then
        assertThat(settings.topN()).isEqualTo(20);
        assertThat(settings.channels()).containsExactly(Channel.WEB, Channel.EMAIL);
        assertThat(settings.holdoutShare()).isEqualTo(0.1);
        assertThat(settings.attributionWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.maxPerTag()).isEqualTo(6);
        assertThat(settings.catalogueTopic()).isEqualTo("prod.encore-scoring-stream-catalogue");
    }

    @Test
    void shouldTakeTheCampaignSettingsWhenTheyAreSet() {
        // given
        Map<String, String> environment = Map.of("ENCORE_SCORING_CONTACT_MAX_PER_WEEK", "1",
                "ENCORE_SCORING_CONCERT_URL_TEMPLATE", "https://tickets.example/{concertId}?s={sendId}");
        // when
        ScoringSettings settings = ScoringStreamConfig.load(null, environment, Map.of()).settings();
        // then
        assertThat(settings.contactMaxPerWeek()).isEqualTo(1);
        assertThat(settings.concertUrlTemplate()).isEqualTo("https://tickets.example/{concertId}?s={sendId}");
        assertThat(settings.campaignsTopic()).isEqualTo("encore-scoring-stream-campaigns");
    }

    @Test
    void shouldRejectANegativeContactCapWhenItIsSet() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.CONTACT_MAX_PER_WEEK_CONFIG, "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ScoringStreamConfig.CONTACT_MAX_PER_WEEK_CONFIG);
    }

    @Test
    void shouldLetOverridesWinOverTheEnvironmentWhenBothSetAValue() {
        // when
        ScoringSettings settings = ScoringStreamConfig.load(null, Map.of("ENCORE_SCORING_AUDIENCE_SIZE", "50"),
                Map.of(ScoringStreamConfig.AUDIENCE_SIZE_CONFIG, 70)).settings();
        // then
        assertThat(settings.audienceSize()).isEqualTo(70);
    }

    @Test
    void shouldKeepFewerItemsOnAChannelWhenItsOwnTopNIsSet() {
        // given
        ScoringStreamConfig config = new ScoringStreamConfig(Map.of("encore.scoring.top.n.email", "4",
                ScoringStreamConfig.CHANGE_MIN_MOVE_CONFIG, "2"));
        // when
        ScoringSettings settings = config.settings();
        // then
        assertThat(settings.topN(Channel.EMAIL)).isEqualTo(4);
        assertThat(settings.topN(Channel.WEB)).isEqualTo(10);
        assertThat(settings.changeMinMove()).isEqualTo(2);
    }

    @Test
    void shouldNameTheSettingWhenAValueIsOutOfRange() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.HOLDOUT_SHARE_CONFIG, "1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ScoringStreamConfig.HOLDOUT_SHARE_CONFIG);
    }

    @Test
    void shouldRefuseAListLongerThanTheApiCanServeWhenTopNIsTooLarge() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.TOP_N_CONFIG, "101")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ScoringStreamConfig.TOP_N_CONFIG);
    }

    @Test
    void shouldNameTheChannelWhenAChannelIsUnknown() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.CHANNELS_CONFIG, "WEB,FAX")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ScoringStreamConfig.CHANNELS_CONFIG)
                .hasMessageContaining("'FAX' is not a channel");
    }

    @Test
    void shouldRefuseTheUnknownChannelWhenItIsListed() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.CHANNELS_CONFIG, "UNKNOWN")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'UNKNOWN' is not a channel");
    }

    @Test
    void shouldRefuseAChannelWhenItIsListedTwice() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.CHANNELS_CONFIG, "web,WEB")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("WEB is listed twice");
    }

    @Test
    void shouldRefuseAnEmptyChannelList() {
        assertThatThrownBy(() -> new ScoringStreamConfig(Map.of(ScoringStreamConfig.CHANNELS_CONFIG, List.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least one channel");
    }

    @Test
    void shouldDefaultToExactlyOnceAndTheDeadLetterHandlerButKeepWhatTheOperatorSet() {
        // given
        ScoringStreamConfig config = new ScoringStreamConfig(Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1",
                StreamsConfig.STATE_DIR_CONFIG, "/var/lib/encore", ScoringStreamConfig.HTTP_PORT_CONFIG, "7171"));
        // when
        Properties props = config.streamsProperties("dead-letters");
        // then
        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "encore-scoring-stream")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/encore")
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:7171")
                .containsEntry(DeadLetterHandler.TOPIC_CONFIG, "dead-letters")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName())
                .containsEntry("processing.exception.handler.global.enabled", true);
    }
}
