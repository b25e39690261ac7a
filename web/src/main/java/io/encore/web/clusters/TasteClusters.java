package io.encore.web.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.encore.web.guests.GuestDirectory;
import io.encore.web.guests.GuestEntry;

/**
 * Web visitors clustered by taste, as the university case showed its marketers: k-means over the taste vectors
 * of {@code guest-profiles}, each cluster drawn as a word cloud of its members' top concepts, plus a flat map
 * (two principal components) of a sample of the visitors. Recomputed at most every few seconds and only when
 * the directory changed.
 */
public final class TasteClusters {

    /** "Web visitors": guests the site knows by a cookie. */
    public static final String WEB = "web";
    public static final String ALL = "all";

    static final int WORDS = 40;
    static final int MAP_POINTS = 600;
    static final int MAX_ITERATIONS = 50;
    private static final long RECOMPUTE_MILLIS = 5_000;

    private final GuestDirectory directory;
    private final int k;
    private final int maxGuests;
    private final long seed;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new HashMap<>();

    private record Cached(long changes, long at, Map<String, Object> view) {
    }

    public TasteClusters(GuestDirectory directory, int k, int maxGuests, long seed, LongSupplier clock) {
        this.directory = directory;
        this.k = k;
        this.maxGuests = maxGuests;
        this.seed = seed;
        this.clock = clock;
    }

    /** The clusters of {@code population} ({@link #WEB} or {@link #ALL}) into {@code clusters} (1–20, else the default). */
    public synchronized Map<String, Object> view(String population, Integer clusters) {
        int wanted = clusters == null ? k : clusters;
        String key = population + "/" + wanted;
        Cached cached = cache.get(key);
        long now = clock.getAsLong();
        if (cached != null && (cached.changes() == directory.changes() || now - cached.at() < RECOMPUTE_MILLIS)) {
            return cached.view();
        }
        Map<String, Object> view = compute(directory.all(), population, wanted, seed, maxGuests);
        cache.put(key, new Cached(directory.changes(), now, view));
        return view;
    }

    /** The view for a given population; pure, for tests. */
    static Map<String, Object> compute(List<GuestEntry> everyone, String population, int k, long seed, int maxGuests) {
        Predicate<GuestEntry> wanted = ALL.equals(population) ? g -> true : GuestEntry::webVisitor;
        List<GuestEntry> members = sample(everyone.stream().filter(wanted).filter(g -> g.taste().length > 0).toList(),
                maxGuests);
        int dimension = commonDimension(members);
        members = members.stream().filter(g -> g.taste().length == dimension).toList();
        float[][] points = new float[members.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = members.get(i).taste();
        }
        KMeans.Result result = KMeans.cluster(points, k, seed, MAX_ITERATIONS);
        List<Map<String, Object>> clusters = clusters(members, result);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("population", ALL.equals(population) ? ALL : WEB);
        view.put("guests", members.size());
        view.put("k", result.k());
        view.put("iterations", result.iterations());
        view.put("clusters", clusters);
        view.put("map", map(points, result, order(clusters)));
        return view;
    }

    private static List<Map<String, Object>> clusters(List<GuestEntry> members, KMeans.Result result) {
        List<List<GuestEntry>> byCluster = new ArrayList<>();
        for (int c = 0; c < result.k(); c++) {
            byCluster.add(new ArrayList<>());
        }
        for (int i = 0; i < members.size(); i++) {
            byCluster.get(result.assignment()[i]).add(members.get(i));
        }
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (int c = 0; c < result.k(); c++) {
            List<GuestEntry> cluster = byCluster.get(c);
            List<WordCloud.Word> words = WordCloud.of(cluster, WORDS);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("index", c);
            view.put("size", cluster.size());
            view.put("share", members.isEmpty() ? 0.0 : cluster.size() / (double) members.size());
            view.put("label", String.join(" · ", words.stream().limit(3).map(WordCloud.Word::text).toList()));
            view.put("words", words);
            view.put("behaviourGroups", counts(cluster, GuestEntry::behaviourGroup));
            view.put("valueGroups", counts(cluster, GuestEntry::valueGroup));
            view.put("examples", cluster.stream().limit(5).map(GuestEntry::guestId).toList());
            clusters.add(view);
        }
        clusters.sort(Comparator.comparingInt((Map<String, Object> view) -> (Integer) view.get("size")).reversed()
                .thenComparingInt(view -> (Integer) view.get("index")));
        for (int rank = 0; rank < clusters.size(); rank++) {
            clusters.get(rank).put("id", rank + 1);
        }
        return clusters;
    }

    /** Cluster index → the id shown (1 = largest). */
    private static Map<Integer, Integer> order(List<Map<String, Object>> clusters) {
        Map<Integer, Integer> ids = new HashMap<>();
        clusters.forEach(view -> ids.put((Integer) view.get("index"), (Integer) view.get("id")));
        return ids;
    }

    /** Up to {@link #MAP_POINTS} evenly spaced visitors as {@code [x, y, clusterId]}. */
    private static List<double[]> map(float[][] points, KMeans.Result result, Map<Integer, Integer> ids) {
        if (points.length == 0) {
            return List.of();
        }
        Projection projection = Projection.of(points);
        int step = Math.max(1, points.length / MAP_POINTS);
        List<double[]> map = new ArrayList<>();
        for (int i = 0; i < points.length; i += step) {
            double[] xy = projection.apply(points[i]);
            map.add(new double[] {round(xy[0]), round(xy[1]), ids.get(result.assignment()[i])});
        }
        return map;
    }

    /** At most {@code max} guests, chosen by a hash of the id (stable as guests come and go), in id order. */
    static List<GuestEntry> sample(List<GuestEntry> guests, int max) {
        List<GuestEntry> sorted = new ArrayList<>(guests);
        if (sorted.size() > max) {
            sorted.sort(Comparator.comparingInt((GuestEntry g) -> mix(g.guestId().hashCode())).thenComparing(GuestEntry::guestId));
            sorted = new ArrayList<>(sorted.subList(0, max));
        }
        sorted.sort(Comparator.comparing(GuestEntry::guestId));
        return sorted;
    }

    private static int commonDimension(List<GuestEntry> members) {
        Map<Integer, Integer> counts = new TreeMap<>();
        members.forEach(g -> counts.merge(g.taste().length, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    private static Map<String, Integer> counts(List<GuestEntry> cluster, Function<GuestEntry, String> group) {
        Map<String, Integer> counts = new TreeMap<>();
        cluster.forEach(g -> counts.merge(group.apply(g) == null ? "unknown" : group.apply(g), 1, Integer::sum));
        return counts;
    }

    // murmur3's finaliser: spreads String.hashCode so the sample is not ordered by id prefix.
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
