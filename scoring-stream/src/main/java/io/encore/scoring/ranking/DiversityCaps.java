package io.encore.scoring.ranking;

import java.util.HashMap;
import java.util.Map;

import io.encore.scoring.catalogue.Catalogue;

/**
 * Counts performers and tags among the concerts already in a list, so one performer (or composer) or one
 * genre tag cannot fill it: "jazz is not just jazz", and a guest who loves one crooner should still see
 * more than his three concerts. Caps are hard; a concert that would break any of them is skipped.
 */
final class DiversityCaps {

    private static final String TAG_PREFIX = "tag:";

    private final Catalogue catalogue;
    private final int maxPerPerformer;
    private final int maxPerTag;
    private final Map<String, Integer> performers = new HashMap<>();
    private final Map<String, Integer> tags = new HashMap<>();

    DiversityCaps(Catalogue catalogue, int maxPerPerformer, int maxPerTag) {
        this.catalogue = catalogue;
        this.maxPerPerformer = maxPerPerformer;
        this.maxPerTag = maxPerTag;
    }

    /** Whether adding {@code concert} keeps every performer and tag within its cap. */
    boolean admits(int concert) {
        return within(catalogue.performers(concert), performers, maxPerPerformer, false)
                && within(catalogue.conceptKeys(concert), tags, maxPerTag, true);
    }

    /** Counts {@code concert}'s performers and tags as used. */
    void take(int concert) {
        count(catalogue.performers(concert), performers, false);
        count(catalogue.conceptKeys(concert), tags, true);
    }

    private static boolean within(String[] keys, Map<String, Integer> counts, int cap, boolean tagsOnly) {
        if (keys == null) {
            return true;
        }
        for (int i = 0; i < keys.length; i++) {
            if (counts(keys, i, tagsOnly) && counts.getOrDefault(keys[i], 0) >= cap) {
                return false;
            }
        }
        return true;
    }

    private static void count(String[] keys, Map<String, Integer> counts, boolean tagsOnly) {
        if (keys == null) {
            return;
        }
        for (int i = 0; i < keys.length; i++) {
            if (counts(keys, i, tagsOnly)) {
                counts.merge(keys[i], 1, Integer::sum);
            }
        }
    }

    /** Whether {@code keys[i]} counts: a tag when only tags count, and its first occurrence in the concert. */
    private static boolean counts(String[] keys, int i, boolean tagsOnly) {
        if (keys[i] == null || (tagsOnly && !keys[i].startsWith(TAG_PREFIX))) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (keys[i].equals(keys[j])) {
                return false;
            }
        }
        return true;
    }
}
