package io.encore.simulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;

class SeasonTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    private static final Taxonomy TAXONOMY = Taxonomy.standard();
    private static final Season SEASON = new SeasonGenerator(TAXONOMY, 42).generate(FIRST_DAY, 420, 0);

    @Test
    void shouldGenerateTheSameSeasonForTheSameSeedAndAnotherForAnotherSeed() {
        // when
        List<Concert> again = published(new SeasonGenerator(TAXONOMY, 42).generate(FIRST_DAY, 420, 0));
        List<Concert> other = published(new SeasonGenerator(TAXONOMY, 43).generate(FIRST_DAY, 420, 0));

        // then
        assertThat(again).isEqualTo(published(SEASON));
        assertThat(other).isNotEqualTo(published(SEASON));
    }

    @Test
    void shouldPlanAtLeast400ConcertsOverTwelveMonthsWithDanishAndEnglishTexts() {
        assertThat(SEASON.concerts()).hasSizeGreaterThanOrEqualTo(400);
        assertThat(SEASON.label()).isEqualTo("2026/27");
        for (ConcertPlan concert : SEASON.concerts()) {
            assertThat(concert.startTime()).isAfterOrEqualTo(SEASON.start()).isBefore(SEASON.end());
            assertThat(concert.title().da()).isNotBlank();
            assertThat(concert.title().en()).isNotBlank();
            assertThat(concert.description().da()).isNotBlank().isNotEqualTo(concert.description().en());
            assertThat(concert.endTime()).isAfter(concert.startTime());
            assertThat(concert.saleOpens()).isBefore(concert.startTime());
            assertThat(concert.minPriceMinor()).isPositive().isLessThanOrEqualTo(concert.maxPriceMinor());
            assertThat(concert.minPriceMinor() % 500).as("whole 5 kroner").isZero();
        }
        assertThat(Duration.between(SEASON.concerts().get(0).startTime(), SEASON.concerts().get(419).startTime()).toDays())
                .isGreaterThan(330);
    }

    @Test
    void shouldPublishConcertsWithTheirTranslationPerformersAndProgramme() {
        // when
        Concert concert = SEASON.concerts().stream().filter(c -> c.translated() && !c.works().isEmpty()).findFirst()
                .orElseThrow().toConcert(ConcertStatus.ON_SALE, 100, 1, SEASON.start());

        // then
        String other = concert.getLanguage().equals("da") ? "en" : "da";
        assertThat(concert.getTranslations()).hasSize(1).allMatch(t -> t.getLanguage().equals(other) && t.getDescription() != null);
        assertThat(concert.getPerformers()).isNotEmpty();
        assertThat(concert.getComposers()).isNotEmpty();
        assertThat(concert.getWorks()).allMatch(w -> concert.getComposers().contains(w.getComposer()));
        assertThat(concert.getTags()).contains("klassisk");
        assertThat(concert.getPriceRange().getCurrency()).isEqualTo("DKK");
        assertThat(concert.getUrl()).isEqualTo("https://hall.example/concerts/" + concert.getConcertId());
    }

    @Test
    void shouldPlayAtPlausibleLocalTimesOnTheDaysTheSubGenreFavours() {
        for (ConcertPlan concert : SEASON.concerts()) {
            assertThat(concert.localHour()).isBetween(11, 21);
        }
        List<ConcertPlan> family = ofGenre("family-concerts");
        long weekend = family.stream().filter(c -> c.weekday() == DayOfWeek.SATURDAY || c.weekday() == DayOfWeek.SUNDAY).count();
        assertThat(weekend).isGreaterThanOrEqualTo(family.size() * 8 / 10);
        assertThat(family).allMatch(c -> c.localHour() < 17);
        List<ConcertPlan> nordic = ofGenre("nordic-romantic");
        assertThat(nordic.stream().filter(c -> c.weekday() == DayOfWeek.THURSDAY).count()).isGreaterThan(nordic.size() / 3);
    }

    @Test
    void shouldNeverBookOneHallTwiceAtTheSameTime() {
        Set<String> slots = new HashSet<>();
        for (ConcertPlan concert : SEASON.concerts()) {
            slots.add(concert.hall().name() + "|" + concert.startTime());
        }
        assertThat(slots).hasSize(SEASON.concerts().size());
    }

    @Test
    void shouldIncludeAFewCrossoversMixingTwoSubGenres() {
        List<ConcertPlan> crossovers = SEASON.concerts().stream().filter(ConcertPlan::crossover).toList();

        assertThat(crossovers).hasSizeBetween(3, 40);
        assertThat(crossovers).allMatch(c -> c.crossGenre() != c.genre() && c.crossShare() == 0.5 && c.tags().contains("crossover"));
    }

    @Test
    void shouldWriteVariedDescriptions() {
        Set<String> descriptions = SEASON.concerts().stream().map(c -> c.description().da()).collect(Collectors.toSet());
        Set<String> openings = SEASON.concerts().stream().map(c -> c.description().en().split("\\.")[0]).collect(Collectors.toSet());

        assertThat(descriptions.size()).isGreaterThanOrEqualTo(SEASON.concerts().size() * 98 / 100);
        assertThat(openings.size()).isGreaterThan(SEASON.concerts().size() / 2);
    }

    @Test
    void shouldSeparateCroonerJazzFromExperimentalPercussionByTheWordsOfTheirDescriptions() {
        // given: words that are not everywhere (template words like "koncert" or "evening" are)
        Set<String> generic = genericWords();
        Set<String> crooner = vocabulary(ofGenre("vocal-jazz"), generic);
        Set<String> percussion = vocabulary(ofGenre("experimental-percussion"), generic);

        // when
        Set<String> shared = new HashSet<>(crooner);
        shared.retainAll(percussion);
        Set<String> all = new HashSet<>(crooner);
        all.addAll(percussion);

        // then: the two kinds of jazz share almost no descriptive words
        assertThat((double) shared.size() / all.size()).isLessThan(0.1);
    }

    @Test
    void shouldLetTheDescriptionsAloneTellTheSubGenresOfEachFamilyApart() {
        // given: TF-IDF vectors of the Danish and English texts of single-genre concerts, a centroid per sub-genre
        List<ConcertPlan> plain = SEASON.concerts().stream().filter(c -> !c.crossover()).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        plain.forEach(c -> new HashSet<>(tokens(c)).forEach(w -> documentFrequency.merge(w, 1, Integer::sum)));
        Map<Integer, Map<String, Double>> centroids = new HashMap<>();
        for (ConcertPlan concert : plain) {
            tfidf(concert, documentFrequency, plain.size()).forEach((w, v) ->
                    centroids.computeIfAbsent(concert.genre(), g -> new HashMap<>()).merge(w, v, Double::sum));
        }

        // when: each concert is assigned the nearest centroid among its own family's sub-genres
        long right = plain.stream().filter(c -> nearest(c, centroids, documentFrequency, plain.size()) == c.genre()).count();

        // then
        assertThat((double) right / plain.size()).isGreaterThan(0.95);
    }

    private static int nearest(ConcertPlan concert, Map<Integer, Map<String, Double>> centroids,
                               Map<String, Integer> documentFrequency, int documents) {
        Map<String, Double> vector = tfidf(concert, documentFrequency, documents);
        String family = TAXONOMY.subGenre(concert.genre()).family();
        int best = -1;
        double bestCosine = -1;
        for (SubGenre genre : TAXONOMY.subGenres()) {
            if (genre.family().equals(family) && centroids.containsKey(genre.index())) {
                double cosine = cosine(vector, centroids.get(genre.index()));
                if (cosine > bestCosine) {
                    bestCosine = cosine;
                    best = genre.index();
                }
            }
        }
        return best;
    }

    private static Map<String, Double> tfidf(ConcertPlan concert, Map<String, Integer> documentFrequency, int documents) {
        Map<String, Double> vector = new HashMap<>();
        for (String word : tokens(concert)) {
            vector.merge(word, Math.log((1.0 + documents) / (1 + documentFrequency.getOrDefault(word, 0))) + 1, Double::sum);
        }
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            dot += entry.getValue() * b.getOrDefault(entry.getKey(), 0.0);
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> vector) {
        return Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
    }

    private static List<String> tokens(ConcertPlan concert) {
        String text = concert.description().da() + " " + concert.description().en();
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).filter(w -> w.length() > 2).toList();
    }

    private static Set<String> genericWords() {
        Map<String, Integer> frequency = new HashMap<>();
        SEASON.concerts().forEach(c -> new HashSet<>(tokens(c)).forEach(w -> frequency.merge(w, 1, Integer::sum)));
        return frequency.entrySet().stream().filter(e -> e.getValue() > SEASON.concerts().size() / 10)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> vocabulary(List<ConcertPlan> concerts, Set<String> generic) {
        return concerts.stream().flatMap(c -> tokens(c).stream()).filter(w -> !generic.contains(w)).collect(Collectors.toSet());
    }

    private static List<ConcertPlan> ofGenre(String id) {
        int genre = TAXONOMY.subGenre(id).orElseThrow().index();
        return SEASON.concerts().stream().filter(c -> c.genre() == genre && !c.crossover()).toList();
    }

    private static List<Concert> published(Season season) {
        return season.concerts().stream().map(c -> c.toConcert(ConcertStatus.ON_SALE, c.capacity(), 1, season.start())).toList();
    }
}
