/**
 * The ad audience sink: keeps one custom audience per concert, and one of its look-alikes, at an ad
 * platform, from the {@code concert-audiences} diffs. Only SHA-256 hashes of identifiers leave Encore, and
 * only for guests who consented to ads (the only members that carry match keys).
 */
package io.encore.connectors.ads;
