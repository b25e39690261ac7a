package io.encore.runtime.serving;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One instance's view of where keys live, set by the test after the servers have their ports. */
final class FakeKeyLocator implements KeyLocator {

    private final Map<String, Location> locations = new ConcurrentHashMap<>();
    private final List<HostAndPort> instances = new CopyOnWriteArrayList<>();
    private volatile HostAndPort self;

    FakeKeyLocator place(String key, Location location) {
        locations.put(key, location);
        return this;
    }

    FakeKeyLocator instances(HostAndPort self, List<HostAndPort> all) {
        this.self = self;
        instances.clear();
        instances.addAll(all);
        return this;
    }

    @Override
    public Location locate(String store, String key) {
        return locations.getOrDefault(key, new Location.Unavailable("no view of key " + key));
    }

    @Override
    public List<HostAndPort> allInstances() {
        return List.copyOf(instances);
    }

    @Override
    public HostAndPort self() {
        return self;
    }
}
