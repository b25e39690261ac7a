package io.encore.scoring.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.encore.schemas.avro.ConceptKind;
import io.encore.scoring.catalogue.Catalogue;

/**
 * Counts performers and tags among the concerts already in a list, so one performer (or composer) or one
 * genre tag cannot fill it: "jazz is not just jazz", and a guest who loves one crooner should still see
 * more than his three concerts. Caps are hard; a concert that would break any of them is skipped.
 *
 * <p>Tags are compared by their interned concept id, kept in two small arrays (a list holds at most a few dozen
 * distinct tags), not by key in a map: the ranker asks for every candidate it looks at, and the string prefix
 * checks and hash lookups over each concert's 20 concept keys were most of a ranking's time.
 */
final class DiversityCaps {

    private final Catalogue catalogue;
    private final int maxPerPerformer;
    private final int maxPerTag;
    private final Map<String, Integer> performers = new HashMap<>();
    private int[] tagIds = new int[16];
    private int[] tagCounts = new int[16];
    private int tagsUsed;

    DiversityCaps(Catalogue catalogue, int maxPerPerformer, int maxPerTag) {
        this.catalogue = catalogue;
        this.maxPerPerformer = maxPerPerformer;
        this.maxPerTag = maxPerTag;
    }

    /** Whether adding {@code concert} keeps every performer and tag within its cap. */
    boolean admits(int concert) {
        return within(catalogue.performers(concert), performers, maxPerPerformer) && tagsWithin(concert);
    }

    /** Counts {@code concert}'s performers and tags as used. */
    void take(int concert) {
        count(catalogue.performers(concert), performers);
        int[] ids = catalogue.conceptIds(concert);
        for (int i = 0; i < ids.length; i++) {
            if (isTag(ids, i)) {
                int at = slot(ids[i]);
                if (at < 0) {
                    at = add(ids[i]);
                }
                tagCounts[at]++;
            }
        }
    }

    private boolean tagsWithin(int concert) {
        int[] ids = catalogue.conceptIds(concert);
        for (int i = 0; i < ids.length; i++) {
            if (isTag(ids, i)) {
                int at = slot(ids[i]);
                if (at >= 0 && tagCounts[at] >= maxPerTag) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code ids[i]} is a tag and its first occurrence in the concert. */
    private boolean isTag(int[] ids, int i) {
        if (ids[i] < 0 || catalogue.vocabulary().kind(ids[i]) != ConceptKind.TAG) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (ids[j] == ids[i]) {
                return false;
            }
        }
        return true;
    }

    private int slot(int tagId) {
        for (int k = 0; k < tagsUsed; k++) {
            if (tagIds[k] == tagId) {
                return k;
            }
        }
        return -1;
    }

    private int add(int tagId) {
        if (tagsUsed == tagIds.length) {
            tagIds = Arrays.copyOf(tagIds, 2 * tagsUsed);
            tagCounts = Arrays.copyOf(tagCounts, 2 * tagsUsed);
        }
        tagIds[tagsUsed] = tagId;
        return tagsUsed++;
    }

    private static boolean within(String[] keys, Map<String, Integer> counts, int cap) {
        if (keys == null) {
            return true;
        }
        for (int i = 0; i < keys.length; i++) {
            if (counts(keys, i) && counts.getOrDefault(keys[i], 0) >= cap) {
                return false;
            }
        }
        return true;
    }

    private static void count(String[] keys, Map<String, Integer> counts) {
        if (keys == null) {
            return;
        }
        for (int i = 0; i < keys.length; i++) {
            if (counts(keys, i)) {
                counts.merge(keys[i], 1, Integer::sum);
            }
        }
    }

    /** Whether {@code keys[i]} counts: not null, and its first occurrence in the concert. */
    private static boolean counts(String[] keys, int i) {
        if (keys[i] == null) {
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
