package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;

import io.encore.runtime.http.ApiException;

class LocalStoresTest {

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaStreamsIsNoLongerRunning() throws Exception {
        // given: a client that was closed (NOT_RUNNING), as a SIGTERM'd instance's is while its HTTP server still answers
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("guests"));
        Path stateDir = Files.createDirectories(Path.of("target", "local-stores-test")).resolve("s-" + System.nanoTime());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "local-stores-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.close();

        // when / then: the store is asked for
        assertThatThrownBy(() -> LocalStores.keyValue(streams, "guests"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).hasValue(1);
                })
                .hasMessageContaining("NOT_RUNNING");
    }
}
