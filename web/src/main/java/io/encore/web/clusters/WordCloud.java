package io.encore.web.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.encore.web.guests.GuestEntry;

/**
 * The words of a cluster's cloud: its members' top concepts. Each member's positive weights are scaled so its
 * strongest concept counts 1 (a guest with many events must not outvote the cluster), summed over members, and
 * the result scaled so the cluster's strongest word weighs 1. Free-text terms ({@code TERM}, stemmed words of
 * titles and descriptions) count half: the named concepts (performers, composers, works, tags) say more.
 */
public final class WordCloud {

    static final String TERM = "TERM";
    static final double TERM_FACTOR = 0.5;

    private WordCloud() {
    }

    /** One word: the concept's label, its kind (PERFORMER, TAG, …) for the colour, weight in (0, 1]. */
    public record Word(String text, String kind, double weight) {
    }

    public static List<Word> of(List<GuestEntry> members, int limit) {
        Map<String, Double> sums = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        for (GuestEntry member : members) {
            double strongest = member.topConcepts().stream().mapToDouble(GuestEntry.Concept::weight).max().orElse(0);
            if (strongest <= 0) {
                continue;
            }
            for (GuestEntry.Concept concept : member.topConcepts()) {
                if (concept.weight() > 0) {
                    String key = concept.kind() + "\u001f" + concept.concept();
                    double share = TERM.equals(concept.kind()) ? TERM_FACTOR : 1.0;
                    sums.merge(key, share * concept.weight() / strongest, Double::sum);
                    kinds.putIfAbsent(key, concept.kind());
                }
            }
        }
        double max = sums.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Word> words = new ArrayList<>();
        sums.forEach((key, sum) -> words.add(new Word(key.substring(key.indexOf('\u001f') + 1), kinds.get(key), sum / max)));
        words.sort(Comparator.comparingDouble(Word::weight).reversed().thenComparing(Word::text));
        return words.size() > limit ? List.copyOf(words.subList(0, limit)) : words;
    }
}
