package io.encore.connectors.web;

/**
 * The Redis key layout, all under one prefix (default {@code encore:web:}):
 * <ul>
 *   <li>{@code <prefix>set:<id>} — string, the guest's current WEB set as JSON, with the TTL; {@code <id>} is
 *       the canonical guest id or any alias in {@code TYPE:value} form (e.g. {@code COOKIE:3f2a9c});</li>
 *   <li>{@code <prefix>aliases:<guestId>} — set of the guest's aliases ({@code TYPE:value}) from
 *       guest-profiles, no TTL: a mirror of the compacted topic, removed by its tombstone.</li>
 * </ul>
 */
public record WebKeys(String prefix) {

    public String set(String id) {
        return prefix + "set:" + id;
    }

    public String aliases(String guestId) {
        return prefix + "aliases:" + guestId;
    }
}
