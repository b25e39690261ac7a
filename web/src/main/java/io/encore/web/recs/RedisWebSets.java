package io.encore.web.recs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reads the list the way a real site does: one {@code GET <prefix>set:<id>} per page view, where the web sink
 * keeps the JSON under the guest id and every alias (docs/connectors.md, web sink). When Redis cannot be
 * reached the page must not wait on it at every refresh, so after a failure it is left alone for a few
 * seconds and the caller's fallback answers.
 */
public final class RedisWebSets implements WebSets, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisWebSets.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private final RedisClient redis;
    private final String prefix;
    private final ObjectMapper mapper;
    private final Clock clock;
    private volatile long pausedUntil;
    private volatile boolean down;

    public RedisWebSets(URI url, String prefix, Duration timeout, ObjectMapper mapper, Clock clock) {
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder(url).connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis).build();
        int port = url.getPort() < 0 ? 6379 : url.getPort();
        this.redis = RedisClient.builder().hostAndPort(url.getHost(), port).clientConfig(config).build();
        this.prefix = prefix;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The key the web sink writes a guest's (or alias's) WEB list under. */
    public static String key(String prefix, String id) {
        return prefix + "set:" + id;
    }

    @Override
    public Optional<WebRow> current(String id) {
        if (clock.millis() < pausedUntil) {
            return Optional.empty();
        }
        String json;
        try {
            json = redis.get(key(prefix, id));
        } catch (JedisException e) {
            pausedUntil = clock.millis() + PAUSE_AFTER_FAILURE.toMillis();
            if (!down) {
                LOG.warn("Redis did not answer ({}); lists are read from scoring-stream until it does (retried every {} s)",
                        e.getMessage(), PAUSE_AFTER_FAILURE.toSeconds());
            }
            down = true;
            return Optional.empty();
        }
        if (down) {
            down = false;
            LOG.info("Redis answers again; lists are read from the web sink's keys");
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            return WebRowJson.parse(mapper.readTree(json), WebRow.REDIS);
        } catch (JsonProcessingException e) {
            LOG.warn("The Redis value of {} is not JSON: {}", key(prefix, id), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Whether the last call reached Redis (for the status page). */
    public boolean reachable() {
        return !down;
    }

    @Override
    public void close() {
        redis.close();
    }
}
