package io.encore.web.recs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

import io.encore.web.FakeSources;
import io.encore.web.Fixtures;

/** The list read as a real site reads it: one GET of the web sink's key, here on a real redis-server. */
class RedisWebSetsIT {

    private static final String PREFIX = "encore:web:";

    private static RedisServer server;
    private static URI url;
    private static RedisClient writer;

    @BeforeAll
    static void startRedis() throws IOException {
        int port = freePort();
        server = new RedisServer(port);
        server.start();
        url = URI.create("redis://127.0.0.1:" + port);
        writer = RedisClient.create(url);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void shouldReadTheListTheWebSinkWroteUnderAnAlias() {
        // given: what the sink writes under the guest id and every alias
        writer.set(PREFIX + "set:COOKIE:it-1", Fixtures.webSetJson("rec-it-1", "GUEST_ID:it", "c-2", "c-1"));
        // when
        try (RedisWebSets sets = new RedisWebSets(url, PREFIX, Duration.ofMillis(500), FakeSources.MAPPER, Clock.systemUTC())) {
            Optional<WebRow> row = sets.current("COOKIE:it-1");
            // then
            assertThat(row).hasValueSatisfying(r -> {
                assertThat(r.recommendationId()).isEqualTo("rec-it-1");
                assertThat(r.source()).isEqualTo(WebRow.REDIS);
                assertThat(r.items()).extracting(WebRow.Item::concertId).containsExactly("c-2", "c-1");
            });
            assertThat(sets.current("COOKIE:nobody")).isEmpty();
        }
    }

    @Test
    void shouldFallBackQuicklyAndPauseRedisWhenItIsNotReachable() throws IOException {
        // given: nothing listens on this port
        URI nowhere = URI.create("redis://127.0.0.1:" + freePort());
        WebRow fromScoring = new WebRow("rec-api", "GUEST_ID:it", "trending", false, null, null, WebRow.SCORING_API,
                List.of());
        try (RedisWebSets redis = new RedisWebSets(nowhere, PREFIX, Duration.ofMillis(300), FakeSources.MAPPER, Clock.systemUTC())) {
            WebSets sets = new FallbackWebSets(redis, id -> Optional.of(fromScoring));
            // when
            long started = System.nanoTime();
            Optional<WebRow> first = sets.current("COOKIE:it-1");
            Optional<WebRow> second = sets.current("COOKIE:it-1");
            long millis = (System.nanoTime() - started) / 1_000_000;
            // then
            assertThat(first).contains(fromScoring);
            assertThat(second).contains(fromScoring);
            assertThat(redis.reachable()).isFalse();
            assertThat(millis).isLessThan(3_000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
