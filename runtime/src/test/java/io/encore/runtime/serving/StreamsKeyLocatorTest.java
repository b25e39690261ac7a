package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class StreamsKeyLocatorTest {

    private static final HostAndPort SELF = new HostAndPort("profile-0", 8080);

    @Test
    void shouldBeLocalWhenActiveHostIsSelf() {
        // given
        KeyQueryMetadata metadata = new KeyQueryMetadata(new HostInfo("profile-0", 8080), Set.of(), 3);

        // when
        Location location = StreamsKeyLocator.decide(KafkaStreams.State.RUNNING, metadata, "store", SELF);

        // then
        assertThat(location).isEqualTo(new Location.Local());
    }

    @Test
    void shouldBeRemoteWhenActiveHostIsAnotherInstance() {
        // given
        KeyQueryMetadata metadata = new KeyQueryMetadata(new HostInfo("profile-1", 8080), Set.of(), 3);

        // when
        Location location = StreamsKeyLocator.decide(KafkaStreams.State.REBALANCING, metadata, "store", SELF);

        // then
        assertThat(location).isEqualTo(new Location.Remote(new HostAndPort("profile-1", 8080)));
    }

    @Test
    void shouldBeUnavailableWhenMetadataIsNotAvailable() {
        // when
        Location location = StreamsKeyLocator.decide(KafkaStreams.State.RUNNING, KeyQueryMetadata.NOT_AVAILABLE,
                "guest-profiles", SELF);

        // then
        assertThat(location).isEqualTo(
                new Location.Unavailable("No instance holds store 'guest-profiles' for this key yet (rebalancing)"));
    }

    @Test
    void shouldBeUnavailableWhenClientIsNotRunningOrRebalancing() {
        // given
        KeyQueryMetadata metadata = new KeyQueryMetadata(new HostInfo("profile-0", 8080), Set.of(), 3);

        // when
        Location location = StreamsKeyLocator.decide(KafkaStreams.State.PENDING_SHUTDOWN, metadata, "store", SELF);

        // then
        assertThat(location).isEqualTo(new Location.Unavailable("Kafka Streams is PENDING_SHUTDOWN"));
    }
}
