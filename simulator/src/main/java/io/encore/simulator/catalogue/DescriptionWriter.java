package io.encore.simulator.catalogue;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.encore.simulator.random.Draw;

/**
 * Writes a concert's title and description in Danish and English from the templates and the sub-genre's
 * phrases. Each description draws up to four of its sub-genre's phrases (a cross-over mixes both), so two concerts
 * of one sub-genre share vocabulary while sub-genres of one family do not, and templates × phrases keep the
 * texts from repeating.
 */
public final class DescriptionWriter {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final Taxonomy taxonomy;

    public DescriptionWriter(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** What a description is written from. */
    public record Brief(SubGenre genre, SubGenre cross, String headliner, String support, List<WorkSpec> works,
                        Hall hall, DayOfWeek weekday, int minutes, long minPriceKr) {
    }

    /** The title and description, both languages. */
    public record Written(Texts title, Texts description) {
    }

    public Written write(SplittableRandom random, Brief brief) {
        Map<String, Texts> values = values(random, brief);
        Templates templates = taxonomy.templates();
        List<Texts> sentences = new ArrayList<>();
        sentences.add(Draw.oneOf(random, templates.openers()));
        sentences.add(Draw.oneOf(random, templates.bodies()));
        if (brief.support() != null) {
            sentences.add(Draw.oneOf(random, templates.support()));
        }
        if (!brief.works().isEmpty()) {
            sentences.add(Draw.oneOf(random, templates.programme()));
        }
        sentences.add(Draw.oneOf(random, templates.closings()));
        return new Written(title(random, brief, values), new Texts(join(sentences, values, "da"), join(sentences, values, "en")));
    }

    private Map<String, Texts> values(SplittableRandom random, Brief brief) {
        List<Texts> phrases = phrases(random, brief);
        Map<String, Texts> values = new HashMap<>();
        values.put("p1", phrases.get(0));
        values.put("p2", phrases.get(1));
        values.put("p3", phrases.get(2));
        values.put("p4", phrases.get(3));
        values.put("headliner", same(brief.headliner()));
        values.put("support", same(brief.support() == null ? "" : brief.support()));
        values.put("hall", same(brief.hall().name()));
        values.put("genre", brief.genre().name());
        values.put("weekday", new Texts(brief.weekday().getDisplayName(TextStyle.FULL, DANISH),
                brief.weekday().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        values.put("minutes", same(Integer.toString(brief.minutes())));
        values.put("price", same(Long.toString(brief.minPriceKr())));
        if (!brief.works().isEmpty()) {
            WorkSpec first = brief.works().get(0);
            values.put("work", same("»" + first.title() + "«"));
            values.put("composer", same(first.composer()));
            values.put("composerGenitive", same(new ComposerSpec(first.composer(), List.of()).genitiveDa()));
            values.put("works", works(brief.works()));
        }
        return values;
    }

    /** Four distinct phrases: from the sub-genre, or for a cross-over the first and one more from each side. */
    private static List<Texts> phrases(SplittableRandom random, Brief brief) {
        List<Texts> pool = new ArrayList<>(brief.genre().phrases());
        List<Texts> chosen = new ArrayList<>();
        chosen.add(pool.remove(random.nextInt(pool.size())));
        if (brief.cross() != null) {
            List<Texts> other = new ArrayList<>(brief.cross().phrases());
            chosen.add(other.remove(random.nextInt(other.size())));
            pool.addAll(other);
        }
        while (chosen.size() < 4) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private Texts title(SplittableRandom random, Brief brief, Map<String, Texts> values) {
        if (brief.cross() != null) {
            Texts pattern = Draw.oneOf(random, taxonomy.templates().crossoverTitles());
            Map<String, Texts> names = Map.of("first", capitalized(brief.genre().name()), "second", brief.cross().name());
            return new Texts(fill(pattern.da(), names, "da"), fill(pattern.en(), names, "en"));
        }
        Texts motif = Draw.oneOf(random, brief.genre().motifs());
        double roll = random.nextDouble();
        if (brief.genre().classical()) {
            if (roll < 0.35 && !brief.works().isEmpty()) {
                WorkSpec work = brief.works().get(0);
                return same(surname(work.composer()) + ": " + work.title());
            }
            return motif;
        }
        if (roll < 0.6) {
            return new Texts(brief.headliner() + ": " + motif.da(), brief.headliner() + ": " + motif.en());
        }
        return roll < 0.8 ? same(brief.headliner()) : motif;
    }

    private static String join(List<Texts> sentences, Map<String, Texts> values, String language) {
        StringBuilder text = new StringBuilder();
        for (Texts sentence : sentences) {
            String filled = fill(sentence.in(language), values, language);
            if (!filled.isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(Character.toUpperCase(filled.charAt(0))).append(filled.substring(1));
            }
        }
        return text.toString();
    }

    private static String fill(String template, Map<String, Texts> values, String language) {
        String result = template;
        for (Map.Entry<String, Texts> value : values.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", value.getValue().in(language));
        }
        return result;
    }

    private static Texts works(List<WorkSpec> works) {
        List<String> names = works.stream().map(w -> w.composer() + ": »" + w.title() + "«").toList();
        if (names.size() == 1) {
            return same(names.get(0));
        }
        String head = String.join(", ", names.subList(0, names.size() - 1));
        String last = names.get(names.size() - 1);
        return new Texts(head + " og " + last, head + " and " + last);
    }

    private static String surname(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static Texts capitalized(Texts texts) {
        return new Texts(upperFirst(texts.da()), upperFirst(texts.en()));
    }

    private static String upperFirst(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Texts same(String text) {
        return new Texts(text, text);
    }
}
