package io.encore.simulator.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every concert the simulation knows: the current season and, for history, the seasons before it, in time
 * order with one index across all of them. Indexed by sub-genre and start time, so "what is on sale now in
 * vocal jazz" is a binary search, which keeps history generation fast.
 */
public final class Programme {

    /** How far ahead of a concert its sale may open (the generator uses 60–200 days). */
    public static final long MAX_SALE_LEAD_MILLIS = 200L * 24 * 3600 * 1000;

    private final Taxonomy taxonomy;
    private final List<Season> seasons;
    private final List<ConcertPlan> concerts;
    private final long[] starts;
    private final Map<String, ConcertPlan> byId = new HashMap<>();
    private final int[][] byGenre;
    private final long[][] genreStarts;
    private final Map<String, int[]> byPerformer = new HashMap<>();

    private Programme(Taxonomy taxonomy, List<Season> seasons) {
        this.taxonomy = taxonomy;
        this.seasons = List.copyOf(seasons);
        this.concerts = seasons.stream().flatMap(s -> s.concerts().stream()).toList();
        this.starts = concerts.stream().mapToLong(c -> c.startTime().toEpochMilli()).toArray();
        concerts.forEach(c -> byId.put(c.concertId(), c));
        Map<String, List<Integer>> performing = new HashMap<>();
        for (ConcertPlan concert : concerts) {
            concert.performers().forEach(p -> performing.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(concert.index()));
        }
        performing.forEach((name, list) -> byPerformer.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        int genres = taxonomy.subGenres().size();
        List<List<Integer>> lists = new ArrayList<>();
        for (int g = 0; g < genres; g++) {
            lists.add(new ArrayList<>());
        }
        for (ConcertPlan concert : concerts) {
            lists.get(concert.genre()).add(concert.index());
            if (concert.crossover()) {
                lists.get(concert.crossGenre()).add(concert.index());
            }
        }
        byGenre = new int[genres][];
        genreStarts = new long[genres][];
        for (int g = 0; g < genres; g++) {
            byGenre[g] = lists.get(g).stream().mapToInt(Integer::intValue).toArray();
            genreStarts[g] = Arrays.stream(byGenre[g]).mapToLong(i -> starts[i]).toArray();
        }
    }

    /**
     * The current season starting at {@code firstDay} and {@code historyYears} seasons before it, each of
     * {@code concertsPerSeason} concerts.
     */
    public static Programme generate(Taxonomy taxonomy, long seed, LocalDate firstDay, int concertsPerSeason,
                                     int historyYears) {
        SeasonGenerator generator = new SeasonGenerator(taxonomy, seed);
        List<Season> seasons = new ArrayList<>();
        int index = 0;
        for (int years = historyYears; years >= 0; years--) {
            Season season = generator.generate(firstDay.minusYears(years), concertsPerSeason, index);
            seasons.add(season);
            index += season.concerts().size();
        }
        return new Programme(taxonomy, seasons);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The season the live simulation plays in (the last one). */
    public Season current() {
        return seasons.get(seasons.size() - 1);
    }

    public List<Season> seasons() {
        return seasons;
    }

    public List<ConcertPlan> concerts() {
        return concerts;
    }

    public ConcertPlan concert(int index) {
        return concerts.get(index);
    }

    public Optional<ConcertPlan> byId(String concertId) {
        return Optional.ofNullable(byId.get(concertId));
    }

    public Instant start() {
        return seasons.get(0).start();
    }

    public Instant end() {
        return current().end();
    }

    /** Indexes of the concerts of a sub-genre (cross-overs count for both of theirs), by start time. */
    public int[] ofGenre(int genre) {
        return byGenre[genre];
    }

    /** Indexes of the concerts a performer plays, by start time; empty for a name that plays none. */
    public int[] byPerformer(String name) {
        int[] concerts = byPerformer.get(name);
        return concerts == null ? new int[0] : concerts.clone();
    }

    /**
     * Writes into {@code into} the concerts of {@code genre} on sale at {@code at} (sale open, not started),
     * returning how many; at most {@code into.length}.
     */
    public int onSale(int genre, long at, int[] into) {
        long[] genreStart = genreStarts[genre];
        int from = firstAfter(genreStart, at);
        int count = 0;
        for (int i = from; i < genreStart.length && genreStart[i] <= at + MAX_SALE_LEAD_MILLIS && count < into.length; i++) {
            ConcertPlan concert = concerts.get(byGenre[genre][i]);
            if (concert.saleOpens().toEpochMilli() <= at) {
                into[count++] = concert.index();
            }
        }
        return count;
    }

    /** Indexes of the concerts starting in [{@code from}, {@code to}), in time order, as [first, end). */
    public int[] startingBetween(long from, long to) {
        return new int[] {firstAfter(starts, from - 1), firstAfter(starts, to - 1)};
    }

    /** First position whose value is greater than {@code at}. */
    private static int firstAfter(long[] sorted, long at) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
