package io.encore.profile.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import io.encore.runtime.errors.DeadLetterHandler;
import io.encore.runtime.http.BearerAuth;

class ProfileStreamConfigTest {

    @Test
    void shouldGiveTheDocumentedDefaultsWhenNothingIsSet() {
        // when
        ProfileSettings settings = new ProfileStreamConfig(Map.of()).settings();
        // then
        assertThat(settings).isEqualTo(ProfileSettings.defaults());
    }

    @Test
    void shouldTakeModelSettingsFromTheEnvironmentWhenVariablesAreSet() {
        // given
        Map<String, String> environment = Map.of("ENCORE_PROFILE_HALFLIFE_DAYS", "30",
                "ENCORE_PROFILE_WEIGHT_NOT_INTERESTED", "-9", "ENCORE_TOPIC_PREFIX", "prod.");
        // when
        ProfileSettings settings = ProfileStreamConfig.load(null, environment, Map.of()).settings();
        // then
        assertThat(settings.halfLife()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.weights().notInterested()).isEqualTo(-9.0);
        assertThat(settings.guestCommandsTopic()).isEqualTo("prod.encore-profile-stream-guest-commands");
    }

    @Test
    void shouldNameTheSettingWhenAValueIsOutOfRange() {
        assertThatThrownBy(() -> new ProfileStreamConfig(Map.of(ProfileStreamConfig.HALF_LIFE_DAYS_CONFIG, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProfileStreamConfig.HALF_LIFE_DAYS_CONFIG);
    }

    @Test
    void shouldRefuseWeightsThatTurnANegativeSignalPositive() {
        ProfileStreamConfig config = new ProfileStreamConfig(Map.of("encore.profile.weight.ad.hide", "2"));

        assertThatThrownBy(config::settings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below zero");
    }

    @Test
    void shouldDefaultToExactlyOnceAndTheDeadLetterHandlerButKeepWhatTheOperatorSet() {
        // given
        ProfileStreamConfig config = new ProfileStreamConfig(Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1",
                StreamsConfig.STATE_DIR_CONFIG, "/var/lib/encore", ProfileStreamConfig.HTTP_PORT_CONFIG, "7171"));
        // when
        Properties props = config.streamsProperties("dead-letters");
        // then
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/encore")
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:7171")
                .containsEntry(DeadLetterHandler.TOPIC_CONFIG, "dead-letters")
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
    }

    @Test
    void shouldKeepTheHttpTokensOutOfTheStreamsPropertiesWhenTheyAreSet() {
        // given
        ProfileStreamConfig config = new ProfileStreamConfig(Map.of(BearerAuth.TOKEN_CONFIG, "query-token-0123456789",
                BearerAuth.ADMIN_TOKEN_CONFIG, "admin-token-0123456789"));
        // when
        Properties props = config.streamsProperties("dead-letters");
        // then: no Kafka client, serde or handler is handed them
        assertThat(props).doesNotContainKeys(BearerAuth.TOKEN_CONFIG, BearerAuth.ADMIN_TOKEN_CONFIG);
        assertThat(config.httpAuth().enabled()).isTrue();
    }

    @Test
    void shouldRefuseTheHttpApiWhenNeitherTokensNorTheOptOutAreSet() {
        // when / then
        assertThatThrownBy(() -> new ProfileStreamConfig(Map.of()).httpAuth()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(BearerAuth.TOKEN_CONFIG).hasMessageContaining(BearerAuth.ADMIN_TOKEN_CONFIG);
        assertThat(new ProfileStreamConfig(Map.of(BearerAuth.ENABLED_CONFIG, "false")).httpAuth().enabled()).isFalse();
    }
}
