package io.encore.runtime.serving;

/** Where the active copy of a key's state is right now, as far as this instance knows. */
public sealed interface Location {

    /** This instance holds the key's active task: read the local store. */
    record Local() implements Location {
    }

    /** Another instance holds it: forward one hop. */
    record Remote(HostAndPort instance) implements Location {
    }

    /** Nobody can answer now (rebalancing, not started, store unknown): the client should retry. */
    record Unavailable(String reason) implements Location {
    }
}
