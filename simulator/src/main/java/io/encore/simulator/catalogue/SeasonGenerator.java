package io.encore.simulator.catalogue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import io.encore.simulator.random.Draw;
import io.encore.simulator.random.Seeds;

/**
 * Generates a season: each concert draws a day, a sub-genre (by its share, with seasonal months such as
 * December for choirs), a weekday and start time its sub-genre favours, a hall without a clash, a lineup, a
 * programme, prices, a market demand and its texts. A few concerts are cross-overs of two sub-genres.
 *
 * <p>The stream is seeded by the seed and the season's first year, so a season is the same whether it is
 * generated as the current one or as history.
 */
public final class SeasonGenerator {

    static final double CROSSOVER_SHARE = 0.03;
    private static final int DAYS = 364;

    private final Taxonomy taxonomy;
    private final DescriptionWriter writer;
    private final long seed;

    public SeasonGenerator(Taxonomy taxonomy, long seed) {
        this.taxonomy = taxonomy;
        this.writer = new DescriptionWriter(taxonomy);
        this.seed = seed;
    }

    /**
     * @param firstDay   first day of the season
     * @param count      concerts in the season
     * @param firstIndex programme index of the season's first concert
     */
    public Season generate(LocalDate firstDay, int count, int firstIndex) {
        SplittableRandom random = Seeds.stream(seed, "season", firstDay.getYear());
        Set<String> booked = new HashSet<>();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(draft(random, firstDay, booked));
        }
        drafts.sort(Comparator.comparing(Draft::start).thenComparing(d -> d.hall().name()));
        String label = Season.label(firstDay);
        List<ConcertPlan> concerts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String id = String.format(Locale.ROOT, "c%d-%03d", firstDay.getYear(), i + 1);
            concerts.add(drafts.get(i).plan(firstIndex + i, id, label));
        }
        Instant start = Season.startOf(firstDay);
        return new Season(label, firstDay, start, Season.startOf(firstDay.plusDays(DAYS + 1)), concerts);
    }

    /** A concert before it has an id: everything but its place in the season. */
    private record Draft(SubGenre genre, SubGenre cross, Hall hall, Instant start, DescriptionWriter.Written text,
                         String language, boolean translated, List<PerformerSpec> performers,
                         List<WorkSpec> works, List<String> tags, long minPriceMinor, long maxPriceMinor,
                         double demand, Instant saleOpens) {

        ConcertPlan plan(int index, String id, String season) {
            int minutes = cross == null ? genre.minutes() : (genre.minutes() + cross.minutes()) / 2;
            List<String> composers = works.stream().map(WorkSpec::composer).distinct().toList();
            return new ConcertPlan(index, id, season, genre.index(), cross == null ? -1 : cross.index(),
                    cross == null ? 0 : 0.5, language, translated, text.title(), text.description(), performers,
                    composers, works, tags, hall, start, start.plus(Duration.ofMinutes(minutes)), saleOpens,
                    minPriceMinor, maxPriceMinor, demand, start.atZone(Season.HALL_ZONE).getDayOfWeek(),
                    start.atZone(Season.HALL_ZONE).getHour());
        }
    }

    private Draft draft(SplittableRandom random, LocalDate firstDay, Set<String> booked) {
        LocalDate day = firstDay.plusDays(random.nextInt(DAYS));
        SubGenre genre = genre(random, day.getMonthValue());
        SubGenre cross = null;
        if (Draw.chance(random, CROSSOVER_SHARE)) {
            SubGenre[] pair = Draw.oneOf(random, taxonomy.crossovers());
            genre = pair[0];
            cross = pair[1];
        }
        day = onFavouredWeekday(random, genre, day, firstDay);
        LocalTime time = LocalTime.parse(Draw.oneOf(random, genre.starts()));
        Slot slot = bookHall(random, genre, day, time, booked, firstDay);
        Hall hall = slot.hall();
        day = slot.day();
        Instant start = day.atTime(time).atZone(Season.HALL_ZONE).toInstant();
        List<PerformerSpec> performers = Lineups.cast(random, genre, cross);
        List<WorkSpec> works = Lineups.programme(random, genre, cross);
        long minKr = roundTo5(genre.priceKr().get(0) * Draw.uniform(random, 0.85, 1.15));
        long maxKr = Math.max(minKr, roundTo5(genre.priceKr().get(1) * Draw.uniform(random, 0.85, 1.15)));
        double fame = performers.isEmpty() ? 1.0 : performers.get(0).fame();
        double popularity = cross == null ? genre.popularity() : (genre.popularity() + cross.popularity()) / 2;
        double demand = popularity * fame * Draw.logNormal(random, 0.85, 0.3);
        Instant saleOpens = day.minusDays(60 + random.nextInt(140)).atTime(10, 0).atZone(Season.HALL_ZONE).toInstant();
        String headliner = performers.isEmpty() ? genre.name().da() : performers.get(0).name();
        String support = performers.size() > 1 && Draw.chance(random, 0.7) ? performers.get(1).name() : null;
        DescriptionWriter.Written text = writer.write(random, new DescriptionWriter.Brief(genre, cross, headliner,
                support, works, hall, day.getDayOfWeek(), genre.minutes(), minKr));
        double languageRoll = random.nextDouble();
        String language = languageRoll < 0.14 ? "en" : "da";
        boolean translated = languageRoll < 0.92;
        return new Draft(genre, cross, hall, start, text, language, translated, performers, works,
                tags(genre, cross), minKr * 100, maxKr * 100, demand, saleOpens);
    }

    private SubGenre genre(SplittableRandom random, int month) {
        List<SubGenre> genres = taxonomy.subGenres();
        double[] weights = new double[genres.size()];
        for (SubGenre genre : genres) {
            weights[genre.index()] = genre.share() * genre.monthWeight(month);
        }
        return genres.get(Draw.weighted(random, weights));
    }

    /** Moves the day within its week to a weekday the sub-genre favours, staying inside the season. */
    private static LocalDate onFavouredWeekday(SplittableRandom random, SubGenre genre, LocalDate day, LocalDate firstDay) {
        double[] weights = new double[7];
        for (int d = 1; d <= 7; d++) {
            weights[d - 1] = genre.weekdayWeight(d);
        }
        DayOfWeek wanted = DayOfWeek.of(Draw.weighted(random, weights) + 1);
        LocalDate moved = day.plusDays(wanted.getValue() - day.getDayOfWeek().getValue());
        if (moved.isBefore(firstDay)) {
            moved = moved.plusWeeks(1);
        }
        if (!moved.isBefore(firstDay.plusDays(DAYS + 1))) {
            moved = moved.minusWeeks(1);
        }
        return moved;
    }

    private record Slot(Hall hall, LocalDate day) {
    }

    /**
     * A hall the sub-genre plays in that is free at that day and time; the same weekday a week later (or
     * earlier, at the season's end) when all of them are taken.
     */
    private Slot bookHall(SplittableRandom random, SubGenre genre, LocalDate day, LocalTime time, Set<String> booked,
                          LocalDate firstDay) {
        List<String> names = genre.halls().keySet().stream().sorted().toList();
        double[] weights = names.stream().mapToDouble(n -> genre.halls().get(n)).toArray();
        LocalDate last = firstDay.plusDays(DAYS);
        LocalDate candidate = day;
        for (int attempt = 0; attempt < 40; attempt++) {
            if (attempt > 0 && attempt % 4 == 0) {
                LocalDate next = candidate.plusWeeks(1);
                candidate = next.isAfter(last) ? day.minusWeeks(attempt / 4) : next;
            }
            if (candidate.isBefore(firstDay)) {
                break;
            }
            String name = names.get(Draw.weighted(random, weights));
            if (booked.add(name + "|" + candidate + "|" + time)) {
                return new Slot(taxonomy.hall(name), candidate);
            }
        }
        // A sub-genre that played every week of the year in all its halls: it shares the evening.
        return new Slot(taxonomy.hall(names.get(0)), day);
    }

    private List<String> tags(SubGenre genre, SubGenre cross) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(taxonomy.family(genre).tag());
        tags.addAll(genre.tags());
        if (cross != null) {
            tags.add(taxonomy.family(cross).tag());
            tags.addAll(cross.tags());
            tags.add("crossover");
        }
        return tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private static long roundTo5(double kroner) {
        return Math.max(5, Math.round(kroner / 5.0) * 5);
    }
}
