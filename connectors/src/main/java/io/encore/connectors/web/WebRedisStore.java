package io.encore.connectors.web;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link WebStore} on Redis through Jedis: reads in one pipeline, writes in one MULTI/EXEC transaction so a
 * batch lands whole or not at all.
 */
final class WebRedisStore implements WebStore {

    /** Deletes KEYS[1] only while its JSON names ARGV[1] as guestId (see {@link RedisOp.DeleteIfOwner}). */
    static final String DELETE_IF_OWNER = """
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local ok, set = pcall(cjson.decode, v)
            if ok and type(set) == 'table' and set['guestId'] == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisClient redis;
    private final WebKeys keys;

    WebRedisStore(URI url, WebKeys keys) {
        this.redis = RedisClient.create(url);
        this.keys = keys;
    }

    @Override
    public Map<String, GuestView> read(Collection<String> guestIds) {
        Map<String, Response<Set<String>>> aliases = new HashMap<>();
        Map<String, Response<String>> sets = new HashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String guestId : guestIds) {
                aliases.put(guestId, pipeline.smembers(keys.aliases(guestId)));
                sets.put(guestId, pipeline.get(keys.set(guestId)));
            }
            pipeline.sync();
        }
        Map<String, GuestView> views = new HashMap<>();
        for (String guestId : guestIds) {
            views.put(guestId, new GuestView(aliases.get(guestId).get(), Optional.ofNullable(sets.get(guestId).get())));
        }
        return views;
    }

    @Override
    public void apply(List<RedisOp> ops) {
        if (ops.isEmpty()) {
            return;
        }
        List<Object> replies;
        try (AbstractTransaction transaction = redis.multi()) {
            ops.forEach(op -> queue(transaction, op));
            replies = transaction.exec();
        }
        if (replies == null) {
            throw new JedisDataException("Redis aborted the web sink's transaction");
        }
        for (Object reply : replies) {
            if (reply instanceof JedisDataException error) {
                throw error;
            }
        }
    }

    private void queue(AbstractTransaction transaction, RedisOp op) {
        if (op instanceof RedisOp.Put put) {
            transaction.set(put.key(), put.value(), SetParams.setParams().ex(put.ttlSeconds()));
        } else if (op instanceof RedisOp.Delete delete) {
            transaction.del(delete.key());
        } else if (op instanceof RedisOp.DeleteIfOwner delete) {
            transaction.eval(DELETE_IF_OWNER, List.of(delete.key()), List.of(delete.guestId()));
        } else if (op instanceof RedisOp.ReplaceMembers replace) {
            transaction.del(replace.key());
            if (!replace.members().isEmpty()) {
                transaction.sadd(replace.key(), replace.members().stream().sorted().toArray(String[]::new));
            }
        } else {
            throw new IllegalArgumentException("Unknown Redis op " + op);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
