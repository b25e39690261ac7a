package io.encore.connectors.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** {@link WebStore} in maps, with the same op semantics as Redis; can be told to lose the connection. */
final class InMemoryWebStore implements WebStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, String> strings = new HashMap<>();
    final Map<String, Long> ttls = new HashMap<>();
    final Map<String, Set<String>> sets = new HashMap<>();
    private final WebKeys keys;
    int failuresToCome;
    boolean closed;

    InMemoryWebStore(WebKeys keys) {
        this.keys = keys;
    }

    Set<String> allKeys() {
        Set<String> all = new java.util.TreeSet<>(strings.keySet());
        all.addAll(sets.keySet());
        return all;
    }

    @Override
    public Map<String, GuestView> read(Collection<String> guestIds) {
        failIfAsked();
        Map<String, GuestView> views = new HashMap<>();
        guestIds.forEach(id -> views.put(id, new GuestView(sets.getOrDefault(keys.aliases(id), Set.of()),
                Optional.ofNullable(strings.get(keys.set(id))))));
        return views;
    }

    @Override
    public void apply(List<RedisOp> ops) {
        failIfAsked();
        for (RedisOp op : ops) {
            if (op instanceof RedisOp.Put put) {
                strings.put(put.key(), put.value());
                ttls.put(put.key(), put.ttlSeconds());
            } else if (op instanceof RedisOp.Delete delete) {
                strings.remove(delete.key());
                sets.remove(delete.key());
            } else if (op instanceof RedisOp.DeleteIfOwner delete) {
                if (delete.guestId().equals(owner(strings.get(delete.key())))) {
                    strings.remove(delete.key());
                }
            } else if (op instanceof RedisOp.ReplaceMembers replace) {
                sets.remove(replace.key());
                if (!replace.members().isEmpty()) {
                    sets.put(replace.key(), Set.copyOf(replace.members()));
                }
            }
        }
    }

    private static String owner(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json).path("guestId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void failIfAsked() {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new JedisConnectionException("connection refused (test)");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
