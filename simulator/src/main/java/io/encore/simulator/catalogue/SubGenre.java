package io.encore.simulator.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A sub-genre: the unit of a guest's hidden taste and the source of a concert's vocabulary. Its phrases carry
 * words no sibling in the family uses, so text analysis can tell crooner jazz from experimental percussion.
 *
 * @param index         position in the taxonomy (the index of taste arrays)
 * @param share         relative number of concerts per season
 * @param popularity    how well its concerts sell to the market at large, around 1
 * @param priceKr       typical cheapest and dearest ticket, whole kroner
 * @param minutes       typical duration
 * @param seatsPerOrder typical seats in one order (families buy more)
 * @param weekdays      relative weight of Monday … Sunday
 * @param starts        local start times (HH:mm) in the hall's time zone
 * @param halls         hall name → relative weight
 * @param months        month number (1–12) → weight multiplier; absent months weigh 1
 * @param lineup        performer slots, each a {@code |}-list of roles, optional when it ends in {@code ?}
 */
public record SubGenre(int index, String id, String family, Texts name, List<String> tags, double share,
                       double popularity, List<Integer> priceKr, int minutes, double seatsPerOrder,
                       List<Double> weekdays, List<String> starts, Map<String, Integer> halls,
                       Map<String, Double> months, List<String> lineup, List<PerformerSpec> performers,
                       List<ComposerSpec> composers, List<Texts> phrases, List<Texts> motifs) {

    public SubGenre {
        tags = copy(tags);
        priceKr = copy(priceKr);
        weekdays = copy(weekdays);
        starts = copy(starts);
        halls = halls == null ? Map.of() : Map.copyOf(halls);
        months = months == null ? Map.of() : Map.copyOf(months);
        lineup = copy(lineup);
        performers = copy(performers);
        composers = copy(composers);
        phrases = copy(phrases);
        motifs = copy(motifs);
    }

    SubGenre withIndex(int position) {
        return new SubGenre(position, id, family, name, tags, share, popularity, priceKr, minutes, seatsPerOrder,
                weekdays, starts, halls, months, lineup, performers, composers, phrases, motifs);
    }

    /** Weight of a weekday, Monday = 1 … Sunday = 7. */
    public double weekdayWeight(int isoDayOfWeek) {
        return weekdays.get(isoDayOfWeek - 1);
    }

    public double monthWeight(int month) {
        return months.getOrDefault(Integer.toString(month), 1.0);
    }

    public boolean classical() {
        return !composers.isEmpty();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
