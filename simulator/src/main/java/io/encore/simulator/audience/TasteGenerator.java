package io.encore.simulator.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.encore.simulator.catalogue.PerformerSpec;
import io.encore.simulator.catalogue.SubGenre;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.random.Draw;

/** Draws hidden tastes and the habits that follow from them. */
final class TasteGenerator {

    private final Taxonomy taxonomy;

    TasteGenerator(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * One to three liked sub-genres (the first by how many fans a sub-genre has, a further one from the same
     * family only 40 % of the time), often an aversion to a sibling of the first, sometimes one elsewhere, a
     * little spill-over to the rest of liked families for some guests, and openness.
     */
    Taste taste(SplittableRandom random) {
        List<SubGenre> genres = taxonomy.subGenres();
        float[] weights = new float[genres.size()];
        int likes = Draw.chance(random, 0.35) ? 1 : Draw.chance(random, 0.7) ? 2 : 3;
        SubGenre first = fans(random, weights);
        weights[first.index()] = 1.0f;
        for (int i = 1; i < likes; i++) {
            List<SubGenre> siblings = taxonomy.siblings(first).stream().filter(g -> weights[g.index()] == 0).toList();
            SubGenre next = Draw.chance(random, 0.4) && !siblings.isEmpty() ? Draw.oneOf(random, siblings) : fans(random, weights);
            weights[next.index()] = (float) (i == 1 ? Draw.uniform(random, 0.55, 0.9) : Draw.uniform(random, 0.3, 0.6));
        }
        List<SubGenre> unliked = taxonomy.siblings(first).stream().filter(g -> weights[g.index()] == 0).toList();
        if (!unliked.isEmpty() && Draw.chance(random, 0.65)) {
            weights[Draw.oneOf(random, unliked).index()] = -1f;
        }
        if (Draw.chance(random, 0.35)) {
            SubGenre other = Draw.oneOf(random, genres);
            if (weights[other.index()] == 0) {
                weights[other.index()] = -1f;
            }
        }
        spill(random, weights);
        double openness = Math.min(0.4, Draw.beta(random, 1.5, 8.0));
        return new Taste(weights, openness, favourites(random, weights));
    }

    /** A sub-genre not yet weighted, drawn by its number of fans (share × popularity). */
    private SubGenre fans(SplittableRandom random, float[] weights) {
        List<SubGenre> genres = taxonomy.subGenres();
        double[] fans = new double[genres.size()];
        for (SubGenre genre : genres) {
            fans[genre.index()] = weights[genre.index()] == 0 ? genre.share() * genre.popularity() : 0;
        }
        return genres.get(Draw.weighted(random, fans));
    }

    /** Half the guests like a family a little beyond their sub-genres (never what they dislike). */
    private void spill(SplittableRandom random, float[] weights) {
        if (!Draw.chance(random, 0.5)) {
            return;
        }
        float spill = (float) Draw.uniform(random, 0.05, 0.2);
        float[] liked = weights.clone();
        for (SubGenre genre : taxonomy.subGenres()) {
            if (liked[genre.index()] <= 0) {
                continue;
            }
            for (SubGenre sibling : taxonomy.siblings(genre)) {
                if (weights[sibling.index()] == 0) {
                    weights[sibling.index()] = spill * liked[genre.index()];
                }
            }
        }
    }

    private List<String> favourites(SplittableRandom random, float[] weights) {
        List<String> favourites = new ArrayList<>();
        for (SubGenre genre : taxonomy.subGenres()) {
            if (weights[genre.index()] >= 0.5f && Draw.chance(random, 0.4) && !genre.performers().isEmpty()) {
                PerformerSpec performer = Draw.oneOf(random, genre.performers());
                if (!favourites.contains(performer.name())) {
                    favourites.add(performer.name());
                }
            }
        }
        return favourites;
    }

    /** Weekdays and dayparts from the liked sub-genres, bent by a personal bias; price, lead time, seats. */
    Habits habits(SplittableRandom random, Taste taste) {
        double[] weekdays = new double[7];
        double[] dayparts = new double[] {0.3, 0.3, 0.3, 0.3};
        double seats = 0;
        double weight = 0;
        for (int g : taste.dominant()) {
            SubGenre genre = taxonomy.subGenre(g);
            double w = taste.weight(g);
            for (int d = 1; d <= 7; d++) {
                weekdays[d - 1] += w * genre.weekdayWeight(d);
            }
            for (String start : genre.starts()) {
                dayparts[Habits.daypart(Integer.parseInt(start.substring(0, start.indexOf(':'))))] += w;
            }
            seats += w * genre.seatsPerOrder();
            weight += w;
        }
        double bias = random.nextDouble();
        for (int d = 0; d < 7; d++) {
            boolean weekend = d >= 4;
            weekdays[d] *= bias < 0.3 ? (weekend ? 1.5 : 0.8) : bias < 0.6 ? (weekend ? 0.8 : 1.5) : 1.0;
        }
        normalize(weekdays, 0.15);
        normalize(dayparts, 0.2);
        double seatsPerOrder = Math.max(1.0, seats / weight * Draw.uniform(random, 0.7, 1.3));
        return new Habits(weekdays, dayparts, Draw.beta(random, 2.0, 2.5), Draw.logNormal(random, 30, 0.8), seatsPerOrder);
    }

    /** Scales to a maximum of 1 and lifts every entry to at least {@code floor}. */
    private static void normalize(double[] values, double floor) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(floor, max > 0 ? values[i] / max : 1.0);
        }
    }
}
