package io.encore.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

import io.encore.connectors.FakeSinkTaskContext;
import io.encore.schemas.avro.Channel;

/** The web sink task against a real redis-server (the binary shipped in the embedded-redis jar). */
class WebSinkTaskIT {

    private static RedisServer server;
    private static String url;
    private static RedisClient redis;

    private final WebFixtures fixtures = new WebFixtures();
    private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    private final WebSinkTask task = new WebSinkTask();
    private WebKeys keys;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new RedisServer(port);
        server.start();
        url = "redis://127.0.0.1:" + port;
        redis = RedisClient.create(URI.create(url));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void startTask() {
        // A fresh prefix per test: tests never see each other's keys.
        String prefix = "it:" + System.nanoTime() + ":";
        keys = new WebKeys(prefix);
        Map<String, String> props = fixtures.taskProps(url);
        props.put("redis.key.prefix", prefix);
        task.initialize(context);
        task.start(props);
    }

    @AfterEach
    void stopTask() {
        task.stop();
    }

    @Test
    void shouldWriteTheSetUnderTheGuestAndEveryAliasWithATtlWhenBothArriveInOneBatch() {
        // when
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1", "EMAIL_SHA256:5e88"), fixtures.set("g-1", Channel.WEB, "k-1", "k-2")));
        // then
        for (String id : List.of("g-1", "COOKIE:c1", "EMAIL_SHA256:5e88")) {
            assertThat(redis.get(keys.set(id))).contains("\"recommendationId\":\"rec-g-1-k-1-k-2\"");
            assertThat(redis.ttl(keys.set(id))).isBetween(3500L, 3600L);
        }
        assertThat(redis.smembers(keys.aliases("g-1"))).containsExactlyInAnyOrder("COOKIE:c1", "EMAIL_SHA256:5e88");
        assertThat(redis.ttl(keys.aliases("g-1"))).isEqualTo(-1L);
    }

    @Test
    void shouldCopyTheCurrentSetToANewAliasWhenALaterProfileAddsIt() {
        // given
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1", "COOKIE:c2")));
        // then
        assertThat(redis.get(keys.set("COOKIE:c2"))).isEqualTo(redis.get(keys.set("g-1")));
        assertThat(redis.ttl(keys.set("COOKIE:c2"))).isPositive();
    }

    @Test
    void shouldRemoveEveryKeyOfTheGuestWhenItsProfileIsTombstoned() {
        // given
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.profileTombstone("g-1")));
        // then
        assertThat(redis.keys(keys.prefix() + "*")).isEmpty();
    }

    @Test
    void shouldRemoveTheSetKeysWhenTheSetIsTombstoned() {
        // given
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        // when
        task.put(List.of(fixtures.setTombstone("g-1", Channel.WEB)));
        // then
        assertThat(redis.keys(keys.prefix() + "*")).containsExactly(keys.aliases("g-1"));
    }

    @Test
    void shouldKeepAnAliasThatNowHoldsAnotherGuestsSetWhenTheOldGuestIsErased() {
        // given
        task.put(List.of(fixtures.profile("g-1", "COOKIE:c1"), fixtures.set("g-1", Channel.WEB, "k-1")));
        task.put(List.of(fixtures.set("g-2", Channel.WEB, "k-9"), fixtures.profile("g-2", "COOKIE:c1")));
        // when
        task.put(List.of(fixtures.profileTombstone("g-1")));
        // then
        assertThat(redis.get(keys.set("COOKIE:c1"))).contains("\"guestId\":\"g-2\"");
    }

    @Test
    void shouldWriteNothingForOtherChannels() {
        // when
        task.put(List.of(fixtures.set("g-1", Channel.EMAIL, "k-1")));
        // then
        assertThat(redis.keys(keys.prefix() + "*")).isEmpty();
    }
}
