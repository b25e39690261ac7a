package io.encore.runtime.serving;

import java.util.List;

/**
 * Which instance holds a key, behind an interface so the routing can be tested with two plain HTTP servers
 * and no broker.
 */
public interface KeyLocator {

    /** Where the active copy of {@code key} in {@code store} is. */
    Location locate(String store, String key);

    /** Every instance of the application, this one included. */
    List<HostAndPort> allInstances();

    /** This instance, as the others see it. */
    HostAndPort self();
}
