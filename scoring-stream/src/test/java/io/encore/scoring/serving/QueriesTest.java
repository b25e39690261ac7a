package io.encore.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.encore.runtime.http.ApiException;
import io.encore.schemas.avro.Channel;

class QueriesTest {

    @Test
    void shouldAskForTheWebListWhenNoChannelIsGiven() {
        assertThat(Queries.channel(Optional.empty())).isEqualTo(Channel.WEB);
    }

    @Test
    void shouldAcceptAChannelWhateverItsCase() {
        assertThat(Queries.channel(Optional.of("eMail"))).isEqualTo(Channel.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fax", "unknown", ""})
    void shouldAnswer400NamingTheParameterWhenTheChannelIsNoChannel(String channel) {
        assertThatThrownBy(() -> Queries.channel(Optional.of(channel)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("'channel'").hasMessageContaining("web, email, ads");
    }

    @Test
    void shouldKeepEveryItemWhenNoLimitIsGiven() {
        assertThat(Queries.limit(Optional.empty(), 100)).isEmpty();
    }

    @Test
    void shouldTakeTheLimitWhenItIsWithinTheBounds() {
        assertThat(Queries.limit(Optional.of("100"), 100)).isEqualTo(OptionalInt.of(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-3", "ten", "2.5", "99999999999"})
    void shouldAnswer400NamingTheBoundsWhenTheLimitIsNotAllowed(String limit) {
        assertThatThrownBy(() -> Queries.limit(Optional.of(limit), 100))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("'limit' must be a whole number from 1 to 100");
    }
}
