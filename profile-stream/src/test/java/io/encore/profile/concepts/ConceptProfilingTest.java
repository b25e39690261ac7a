package io.encore.profile.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.schemas.avro.Work;

class ConceptProfilingTest {

    private final TextAnalysis analysis = new TextAnalysis();
    private final ConceptExtractor extractor = new ConceptExtractor(analysis, ConceptWeights.DEFAULT);
    private final ConceptProfiler profiler = new ConceptProfiler(10, 64);

    @AfterEach
    void closeAnalyzers() {
        analysis.close();
    }

    @Test
    void shouldStemDanishAndDropDanishStopWords() {
        List<String> terms = analysis.terms("Koncerterne og koncerten er for hele familien", "da");

        assertThat(terms).doesNotContain("og", "er", "for");
        assertThat(terms.get(0)).isEqualTo(terms.get(1)); // koncerterne ~ koncerten
    }

    @Test
    void shouldStemEnglishAndDropEnglishStopWords() {
        List<String> terms = analysis.terms("The symphonies and a symphony", "en");

        assertThat(terms).doesNotContain("the", "and").hasSize(2);
        assertThat(terms.get(0)).isEqualTo(terms.get(1));
    }

    @Test
    void shouldKeepNamesWholeAndCountComposersOfWorks() {
        // given
        Concert concert = concert("c1", "Gregory Porter live", "Vokaljazz med stor stemme", "da",
                List.of("Gregory Porter"), List.of(), List.of(new Work("Liquid Spirit", "Gregory  Porter")),
                List.of("Vocal Jazz"));

        // when
        Map<Concept, Double> counts = extractor.termFrequencies(concert);

        // then
        assertThat(counts).containsKeys(
                new Concept(ConceptKind.PERFORMER, "gregory porter"),
                new Concept(ConceptKind.COMPOSER, "gregory porter"),
                new Concept(ConceptKind.WORK, "liquid spirit"),
                new Concept(ConceptKind.TAG, "vocal jazz"),
                new Concept(ConceptKind.HALL, "koncertsalen"));
        assertThat(counts.get(new Concept(ConceptKind.PERFORMER, "Gregory Porter"))).isEqualTo(3.0);
        assertThat(counts.keySet()).noneMatch(c -> c.kind() == ConceptKind.PERFORMER && c.name().equals("gregory"));
    }

    @Test
    void shouldAnalyseTranslationsInTheirOwnLanguageAtReducedWeight() {
        // given
        Concert danish = concert("c2", "Symfoni nr. 4", null, "da", List.of(), List.of("Carl Nielsen"), List.of(), List.of());
        Concert concert = Concert.newBuilder(danish)
                .setTranslations(List.of(new LocalizedText("en", "The Inextinguishable symphonies", null)))
                .build();

        // when
        Map<Concept, Double> counts = extractor.termFrequencies(concert);

        // then: the English stem of "symphonies" is there at 1.5 × 0.5
        String englishStem = analysis.terms("symphonies", "en").get(0);
        assertThat(counts.get(new Concept(ConceptKind.TERM, englishStem))).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void shouldWeighARareConceptAboveOneEveryConcertHas() {
        // given: every concert is in the same hall; only this one has the tag
        Map<Concept, Double> counts = Map.of(
                new Concept(ConceptKind.HALL, "koncertsalen"), 1.0,
                new Concept(ConceptKind.TAG, "experimental percussion"), 1.0);
        ConceptProfiler.DocumentFrequencies catalogue = frequencies(400, Map.of(
                new Concept(ConceptKind.HALL, "koncertsalen"), 400L,
                new Concept(ConceptKind.TAG, "experimental percussion"), 3L));

        // when
        ConceptProfiler.Profile profile = profiler.profile(counts, catalogue);

        // then
        assertThat(profile.topConcepts()).extracting(WeightedConcept::getConcept)
                .containsExactly("experimental percussion", "koncertsalen");
        assertThat(profile.topConcepts().get(1).getWeight()).isCloseTo(1.0f, within(1e-6f));
    }

    @Test
    void shouldBoundTheTopConceptsAndNormalizeTheVector() {
        // given
        Map<Concept, Double> counts = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.put(new Concept(ConceptKind.TERM, "term" + i), 1.0 + i);
        }

        // when
        ConceptProfiler.Profile profile = profiler.profile(counts, frequencies(10, Map.of()));

        // then
        assertThat(profile.topConcepts()).hasSize(10);
        assertThat(profile.topConcepts().get(0).getConcept()).isEqualTo("term49");
        assertThat(profile.vector()).hasSize(64);
        assertThat(dot(profile.vector(), profile.vector())).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void shouldPlaceConcertsThatShareNamesCloserThanUnrelatedOnes() {
        // given
        ConceptProfiler.DocumentFrequencies catalogue = frequencies(400, Map.of());
        Concert porterA = concert("a", "Gregory Porter", "Soul og vokaljazz", "da", List.of("Gregory Porter"),
                List.of(), List.of(), List.of("vocal jazz", "soul"));
        Concert porterB = concert("b", "Gregory Porter & band", "An evening of vocal jazz", "en",
                List.of("Gregory Porter"), List.of(), List.of(), List.of("vocal jazz"));
        Concert mazur = concert("c", "Marilyn Mazur", "Eksperimenterende slagtøj", "da", List.of("Marilyn Mazur"),
                List.of(), List.of(), List.of("experimental percussion"));

        // when
        float[] a = profiler.profile(extractor.termFrequencies(porterA), catalogue).vector();
        float[] b = profiler.profile(extractor.termFrequencies(porterB), catalogue).vector();
        float[] c = profiler.profile(extractor.termFrequencies(mazur), catalogue).vector();

        // then: "jazz is not just jazz"
        assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.3);
    }

    private static double dot(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static ConceptProfiler.DocumentFrequencies frequencies(long n, Map<Concept, Long> df) {
        return new ConceptProfiler.DocumentFrequencies() {
            @Override
            public long documentCount() {
                return n;
            }

            @Override
            public long frequency(Concept concept) {
                return df.getOrDefault(concept, 1L);
            }
        };
    }

    private static Concert concert(String id, String title, String description, String language,
                                   List<String> performers, List<String> composers, List<Work> works, List<String> tags) {
        return Concert.newBuilder()
                .setConcertId(id)
                .setTitle(title)
                .setDescription(description)
                .setLanguage(language)
                .setPerformers(performers.stream().map(name -> new Performer(name, PerformerRole.ARTIST)).toList())
                .setComposers(composers)
                .setWorks(works)
                .setTags(tags)
                .setHall("Koncertsalen")
                .setStatus(ConcertStatus.ON_SALE)
                .setVersion(1L)
                .setUpdatedAt(Instant.parse("2026-11-23T00:00:00Z"))
                .build();
    }
}
