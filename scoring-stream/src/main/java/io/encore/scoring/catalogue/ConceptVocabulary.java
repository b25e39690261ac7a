package io.encore.scoring.catalogue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.encore.schemas.avro.ConceptKind;

/**
 * The concept keys of one catalogue snapshot, interned to dense ids {@code 0 … size−1} in order of first
 * appearance, each with its kind. It exists so that the models compare concepts by array index rather than by
 * string: a guest's weights become one {@code float[]} over the vocabulary per scoring call, and every concert
 * concept after that costs an array read instead of a prefix check and a hash lookup.
 */
public final class ConceptVocabulary {

    private static final ConceptKind[] KINDS = ConceptKind.values();
    private static final String[] PREFIXES = new String[KINDS.length];

    static {
        for (ConceptKind kind : KINDS) {
            PREFIXES[kind.ordinal()] = kind.name().toLowerCase(Locale.ROOT) + ":";
        }
    }

    private final Map<String, Integer> ids;
    private final String[] keys;
    private final byte[] kindOfConcept;

    private ConceptVocabulary(Map<String, Integer> ids, String[] keys) {
        this.ids = ids;
        this.keys = keys;
        kindOfConcept = new byte[keys.length];
        for (int id = 0; id < keys.length; id++) {
            kindOfConcept[id] = (byte) kindOf(keys[id]).ordinal();
        }
    }

    /** {@code performer:} for {@code PERFORMER}: how profile-stream writes the kind in front of a name. */
    public static String prefix(ConceptKind kind) {
        return PREFIXES[kind.ordinal()];
    }

    /** The kind a key starts with ({@code tag:jazz} → {@code TAG}); {@code UNKNOWN} for any other key. */
    public static ConceptKind kindOf(String key) {
        for (ConceptKind kind : KINDS) {
            if (key.startsWith(PREFIXES[kind.ordinal()])) {
                return kind;
            }
        }
        return ConceptKind.UNKNOWN;
    }

    public int size() {
        return keys.length;
    }

    /** The id of a key, or -1 when no concert of the snapshot has it. */
    public int id(String key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    public String key(int id) {
        return keys[id];
    }

    public ConceptKind kind(int id) {
        return KINDS[kindOfConcept[id]];
    }

    /**
     * A guest's weights by key as one value per id, 0 for the vocabulary's other concepts; keys no concert
     * has, and null weights, are left out. Only keys of {@code kinds} when given (null: every kind).
     */
    public float[] dense(Map<String, Float> weights, Set<ConceptKind> kinds) {
        float[] dense = new float[keys.length];
        for (Map.Entry<String, Float> entry : weights.entrySet()) {
            Integer id = ids.get(entry.getKey());
            Float weight = entry.getValue();
            if (id != null && weight != null && (kinds == null || kinds.contains(kind(id)))) {
                dense[id] = weight;
            }
        }
        return dense;
    }

    /** Interns keys while a catalogue is built; a key seen before keeps its first id. */
    static final class Builder {

        private final Map<String, Integer> ids = new HashMap<>();
        private String[] keys = new String[64];

        int[] intern(String[] conceptKeys) {
            int[] interned = new int[conceptKeys.length];
            for (int c = 0; c < conceptKeys.length; c++) {
                interned[c] = intern(conceptKeys[c]);
            }
            return interned;
        }

        private int intern(String key) {
            Integer known = ids.get(key);
            if (known != null) {
                return known;
            }
            int id = ids.size();
            if (id == keys.length) {
                keys = Arrays.copyOf(keys, 2 * id);
            }
            keys[id] = key;
            ids.put(key, id);
            return id;
        }

        /** The vocabulary; the builder hands its map over and is not used again. */
        ConceptVocabulary build() {
            return new ConceptVocabulary(ids, Arrays.copyOf(keys, ids.size()));
        }
    }
}
