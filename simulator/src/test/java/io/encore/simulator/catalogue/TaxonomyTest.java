package io.encore.simulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private static final Set<String> STOP_WORDS = Set.of("and", "the", "from", "with", "without", "around", "og", "fra", "med",
            "uden", "der", "for", "til");

    private final Taxonomy taxonomy = Taxonomy.standard();

    @Test
    void shouldHaveAtLeastSixteenSubGenresInFamiliesOfSeveral() {
        // when
        Map<String, Long> perFamily = taxonomy.subGenres().stream()
                .collect(Collectors.groupingBy(SubGenre::family, Collectors.counting()));

        // then: the families where "X is not just X" matters have several sub-genres each
        assertThat(taxonomy.subGenres()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(perFamily).containsEntry("jazz", 3L).containsEntry("pop", 3L);
        assertThat(perFamily.get("classical")).isGreaterThanOrEqualTo(6);
        assertThat(taxonomy.subGenres()).extracting(SubGenre::id)
                .contains("vocal-jazz", "experimental-percussion", "danish-pop", "indie-electronica", "nordic-romantic",
                        "contemporary", "choral", "rock-icons", "family-concerts", "hip-hop", "film-music");
    }

    @Test
    void shouldGiveEverySubGenreBilingualPhrasesPerformersAndForClassicalComposersWithWorks() {
        for (SubGenre genre : taxonomy.subGenres()) {
            assertThat(genre.phrases()).as(genre.id()).hasSizeGreaterThanOrEqualTo(6)
                    .allMatch(p -> !p.da().isBlank() && !p.en().isBlank() && !p.da().equals(p.en()));
            assertThat(genre.performers()).as(genre.id()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(genre.name().da()).isNotBlank();
            assertThat(genre.name().en()).isNotBlank();
        }
        SubGenre nordic = taxonomy.subGenre("nordic-romantic").orElseThrow();
        assertThat(nordic.composers()).extracting(ComposerSpec::name).contains("Carl Nielsen", "Jean Sibelius");
        assertThat(nordic.composers().get(0).works()).contains("Symfoni nr. 4 »Det Uudslukkelige«");
    }

    @Test
    void shouldGiveTheSubGenresOfAFamilyPhrasesWithNoWordInCommon() {
        // given: the two kinds of jazz of the domain's example
        Set<String> crooner = words(taxonomy.subGenre("vocal-jazz").orElseThrow());
        Set<String> percussion = words(taxonomy.subGenre("experimental-percussion").orElseThrow());

        // then
        assertThat(crooner).doesNotContainAnyElementsOf(percussion);
    }

    private static Set<String> words(SubGenre genre) {
        return genre.phrases().stream().flatMap(p -> Set.of(p.da(), p.en()).stream())
                .flatMap(text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
                .filter(w -> w.length() > 2 && !STOP_WORDS.contains(w)).collect(Collectors.toSet());
    }
}
