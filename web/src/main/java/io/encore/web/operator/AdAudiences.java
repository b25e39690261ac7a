package io.encore.web.operator;

import java.util.Map;

/**
 * Audience sizes at the ad platform, as the demo's ad stand-in holds them after the ad audience sink's
 * uploads: audience id ({@code <concertId>} or {@code <concertId>-lookalike}) → hashed members.
 */
@FunctionalInterface
public interface AdAudiences {

    Map<String, Integer> sizes();

    /** No ad platform: no audiences. */
    static AdAudiences none() {
        return Map::of;
    }
}
