package io.encore.connectors.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.encore.connectors.web.WebEvent.ProfileRemoved;
import io.encore.connectors.web.WebEvent.ProfileUpdated;
import io.encore.connectors.web.WebEvent.SetPublished;
import io.encore.connectors.web.WebEvent.SetWithdrawn;

/**
 * Turns a batch of events into Redis writes, given what Redis held for the touched guests before the batch.
 * Events are applied in order to a view of each guest, so a profile and a set of the same guest in one batch
 * meet as they would one by one. Pure: no I/O, so every rule is tested without Redis.
 */
final class WebBatchPlanner {

    private final WebKeys keys;
    private final long ttlSeconds;

    WebBatchPlanner(WebKeys keys, long ttlSeconds) {
        this.keys = keys;
        this.ttlSeconds = ttlSeconds;
    }

    List<RedisOp> plan(List<WebEvent> events, Map<String, WebStore.GuestView> before) {
        Map<String, WebStore.GuestView> views = new HashMap<>(before);
        List<RedisOp> ops = new ArrayList<>();
        for (WebEvent event : events) {
            WebStore.GuestView view = views.getOrDefault(event.guestId(), WebStore.GuestView.EMPTY);
            views.put(event.guestId(), apply(event, view, ops));
        }
        return ops;
    }

    // Java 17 has no pattern matching for switch: an instanceof chain over the sealed type.
    private WebStore.GuestView apply(WebEvent event, WebStore.GuestView view, List<RedisOp> ops) {
        String guestId = event.guestId();
        if (event instanceof SetPublished published) {
            ops.add(new RedisOp.Put(keys.set(guestId), published.json(), ttlSeconds));
            view.aliases().stream().sorted()
                    .forEach(alias -> ops.add(new RedisOp.Put(keys.set(alias), published.json(), ttlSeconds)));
            return new WebStore.GuestView(view.aliases(), Optional.of(published.json()));
        }
        if (event instanceof SetWithdrawn) {
            deleteSets(guestId, view.aliases(), ops);
            return new WebStore.GuestView(view.aliases(), Optional.empty());
        }
        if (event instanceof ProfileUpdated updated) {
            updateAliases(guestId, view, updated.aliases(), ops);
            return new WebStore.GuestView(updated.aliases(), view.set());
        }
        if (event instanceof ProfileRemoved) {
            deleteSets(guestId, view.aliases(), ops);
            ops.add(new RedisOp.Delete(keys.aliases(guestId)));
            return WebStore.GuestView.EMPTY;
        }
        throw new IllegalArgumentException("Unknown web event " + event);
    }

    private void updateAliases(String guestId, WebStore.GuestView view, Set<String> now, List<RedisOp> ops) {
        Set<String> dropped = new LinkedHashSet<>(view.aliases());
        dropped.removeAll(now);
        dropped.forEach(alias -> ops.add(new RedisOp.DeleteIfOwner(keys.set(alias), guestId)));
        view.set().ifPresent(json -> now.stream()
                .filter(alias -> !view.aliases().contains(alias))
                .sorted()
                .forEach(alias -> ops.add(new RedisOp.Put(keys.set(alias), json, ttlSeconds))));
        ops.add(new RedisOp.ReplaceMembers(keys.aliases(guestId), now));
    }

    private void deleteSets(String guestId, Set<String> aliases, List<RedisOp> ops) {
        ops.add(new RedisOp.Delete(keys.set(guestId)));
        aliases.stream().sorted().forEach(alias -> ops.add(new RedisOp.DeleteIfOwner(keys.set(alias), guestId)));
    }
}
