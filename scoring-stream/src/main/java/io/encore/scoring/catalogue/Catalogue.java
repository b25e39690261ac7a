package io.encore.scoring.catalogue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.encore.schemas.avro.ConceptKind;

/**
 * An immutable snapshot of the scorable catalogue, laid out for the scoring kernel: concert vectors in one
 * contiguous row-major {@code float[]} (concert i occupies {@code [i·dimension, (i+1)·dimension)}), facts in
 * parallel primitive arrays, concepts as parallel key/weight arrays plus the keys interned to ids of the
 * snapshot's {@link ConceptVocabulary} (the models' hot path reads the ids, explanations the keys). Rebuilt
 * (cheaply: a catalogue is hundreds to a few thousand concerts) when a concert or its profile changes; readers
 * never see it change.
 */
public final class Catalogue {

    /** Start time of an undated item (always eligible by date). */
    public static final long UNDATED = Long.MIN_VALUE;

    private final int dimension;
    private final String[] ids;
    private final Map<String, Integer> index;
    private final float[] vectors;
    private final long[] startTimes;
    private final String[] halls;
    private final String[] priceBands;
    private final String[][] conceptKeys;
    private final int[][] conceptIds;
    private final float[][] conceptWeights;
    private final ConceptVocabulary vocabulary;
    private final String[][] performers;
    private final BitSet onSale;
    private final BitSet newToVenue;

    private Catalogue(Builder builder) {
        int n = builder.entries.size();
        dimension = builder.dimension;
        ids = new String[n];
        index = new HashMap<>();
        vectors = new float[n * dimension];
        startTimes = new long[n];
        halls = new String[n];
        priceBands = new String[n];
        conceptKeys = new String[n][];
        conceptIds = new int[n][];
        ConceptVocabulary.Builder concepts = new ConceptVocabulary.Builder();
        conceptWeights = new float[n][];
        performers = new String[n][];
        onSale = new BitSet(n);
        newToVenue = new BitSet(n);
        for (int i = 0; i < n; i++) {
            Entry e = builder.entries.get(i);
            ids[i] = e.id();
            index.put(e.id(), i);
            System.arraycopy(e.vector(), 0, vectors, i * dimension, dimension);
            startTimes[i] = e.startTime();
            halls[i] = e.hall();
            priceBands[i] = e.priceBand();
            conceptKeys[i] = e.conceptKeys();
            conceptIds[i] = concepts.intern(e.conceptKeys());
            conceptWeights[i] = e.conceptWeights();
            performers[i] = e.performers();
            onSale.set(i, e.onSale());
            newToVenue.set(i, e.newToVenue());
        }
        vocabulary = concepts.build();
    }

    /**
     * One concert as the builder takes it.
     *
     * @param vector         unit vector of length {@code dimension} (profile-stream's concert vector)
     * @param startTime      epoch millis, or {@link #UNDATED}
     * @param priceBand      {@link PriceBands#of} of the cheapest seat, or null when unknown
     * @param conceptKeys    concept keys {@code kind:name} (e.g. {@code performer:gregory porter}), lower case
     * @param conceptWeights weights of the keys, same order, summing to 1
     * @param performers     performer, composer names (lower case) of the concert
     * @param onSale         on sale, not sold out, not cancelled
     * @param newToVenue     a performer who never played here before (or is marked new / debut)
     */
    public record Entry(String id, float[] vector, long startTime, String hall, String priceBand,
                        String[] conceptKeys, float[] conceptWeights, String[] performers, boolean onSale,
                        boolean newToVenue) {

        public Entry {
            Objects.requireNonNull(id, "id");
            if (conceptKeys.length != conceptWeights.length) {
                throw new IllegalArgumentException("concept keys and weights differ in length for " + id);
            }
        }
    }

    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    public int size() {
        return ids.length;
    }

    public int dimension() {
        return dimension;
    }

    public String id(int concert) {
        return ids[concert];
    }

    /** The index of a concert id, or -1. */
    public int indexOf(String concertId) {
        Integer i = index.get(concertId);
        return i == null ? -1 : i;
    }

    /** All vectors, row-major; read-only by contract (the kernel reads it without copying). */
    public float[] vectors() {
        return vectors;
    }

    public long startTime(int concert) {
        return startTimes[concert];
    }

    public String hall(int concert) {
        return halls[concert];
    }

    public String priceBand(int concert) {
        return priceBands[concert];
    }

    public String[] conceptKeys(int concert) {
        return conceptKeys[concert];
    }

    /** The concert's concept keys as ids of {@link #vocabulary()}, in the order of {@link #conceptKeys}; read-only. */
    public int[] conceptIds(int concert) {
        return conceptIds[concert];
    }

    public float[] conceptWeights(int concert) {
        return conceptWeights[concert];
    }

    /** Every concept key of this snapshot's concerts, interned. */
    public ConceptVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * A guest's weights by key ({@code kind:name}) as a dense array indexed by concept id, restricted to
     * {@code kinds} (null: all); keys no concert of this snapshot has are ignored. Built once per guest per
     * scoring call, so that each concert concept is then one array read.
     */
    public float[] weightsByConcept(Map<String, Float> weights, Set<ConceptKind> kinds) {
        return vocabulary.dense(weights, kinds);
    }

    public String[] performers(int concert) {
        return performers[concert];
    }

    public boolean newToVenue(int concert) {
        return newToVenue.get(concert);
    }

    /**
     * The concerts a guest may be offered at {@code now}: on sale and upcoming (or undated), minus
     * {@code exclude} (for example those already bought). A fresh bitset the caller may change.
     */
    public BitSet eligible(long now, List<String> exclude) {
        BitSet eligible = (BitSet) onSale.clone();
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            if (startTimes[i] != UNDATED && startTimes[i] <= now) {
                eligible.clear(i);
            }
        }
        for (String id : exclude) {
            int i = indexOf(id);
            if (i >= 0) {
                eligible.clear(i);
            }
        }
        return eligible;
    }

    /** Collects entries; the last entry with an id wins. */
    public static final class Builder {

        private final int dimension;
        private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
        private List<Entry> entries;

        private Builder(int dimension) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be positive");
            }
            this.dimension = dimension;
        }

        public Builder add(Entry entry) {
            if (entry.vector().length != dimension) {
                throw new IllegalArgumentException("concert " + entry.id() + " has a vector of " + entry.vector().length
                        + " values, not " + dimension);
            }
            byId.put(entry.id(), entry);
            return this;
        }

        public Catalogue build() {
            entries = List.copyOf(byId.values());
            return new Catalogue(this);
        }
    }

    @Override
    public String toString() {
        return "Catalogue[" + size() + " concerts × " + dimension + ", first " + Arrays.toString(Arrays.copyOf(ids, Math.min(3, ids.length))) + "]";
    }
}
