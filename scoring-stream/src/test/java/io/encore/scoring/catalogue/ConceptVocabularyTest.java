package io.encore.scoring.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ConceptKind;

class ConceptVocabularyTest {

    private final Catalogue catalogue = Catalogue.builder(1)
            .add(concert("crooner", new String[] {"performer:gregory porter", "tag:jazz", "hall:main hall"}))
            .add(concert("percussion", new String[] {"performer:marilyn mazur", "tag:jazz", "mood:loud"}))
            .build();

    @Test
    void shouldGiveAKeySharedByTwoConcertsOneIdWhenTheCatalogueIsBuilt() {
        // given
        ConceptVocabulary vocabulary = catalogue.vocabulary();

        // when
        int[] crooner = catalogue.conceptIds(0);
        int[] percussion = catalogue.conceptIds(1);

        // then: ids in order of first appearance, tag:jazz interned once
        assertThat(vocabulary.size()).isEqualTo(5);
        assertThat(crooner).containsExactly(0, 1, 2);
        assertThat(percussion).containsExactly(3, 1, 4);
        for (int concert = 0; concert < catalogue.size(); concert++) {
            int[] ids = catalogue.conceptIds(concert);
            for (int c = 0; c < ids.length; c++) {
                assertThat(vocabulary.key(ids[c])).isEqualTo(catalogue.conceptKeys(concert)[c]);
            }
        }
        assertThat(vocabulary.id("tag:jazz")).isEqualTo(1);
        assertThat(vocabulary.id("tag:blues")).isEqualTo(-1);
    }

    @Test
    void shouldReadTheKindFromThePrefixWhenAKeyIsInterned() {
        // given
        ConceptVocabulary vocabulary = catalogue.vocabulary();

        // when / then: a prefix no kind has is UNKNOWN
        assertThat(vocabulary.kind(vocabulary.id("performer:gregory porter"))).isEqualTo(ConceptKind.PERFORMER);
        assertThat(vocabulary.kind(vocabulary.id("tag:jazz"))).isEqualTo(ConceptKind.TAG);
        assertThat(vocabulary.kind(vocabulary.id("hall:main hall"))).isEqualTo(ConceptKind.HALL);
        assertThat(vocabulary.kind(vocabulary.id("mood:loud"))).isEqualTo(ConceptKind.UNKNOWN);
        assertThat(ConceptVocabulary.prefix(ConceptKind.COMPOSER)).isEqualTo("composer:");
        assertThat(ConceptVocabulary.kindOf("taggish")).isEqualTo(ConceptKind.UNKNOWN);
    }

    @Test
    void shouldIgnoreUnknownKeysAndOtherKindsWhenAGuestsWeightsAreLaidOut() {
        // given
        Map<String, Float> liked = Map.of("performer:gregory porter", 4f, "tag:jazz", 2f, "tag:blues", 9f);

        // when
        float[] all = catalogue.weightsByConcept(liked, null);
        float[] tags = catalogue.weightsByConcept(liked, EnumSet.of(ConceptKind.TAG));

        // then
        assertThat(all).containsExactly(4f, 2f, 0f, 0f, 0f);
        assertThat(tags).containsExactly(0f, 2f, 0f, 0f, 0f);
    }

    private static Catalogue.Entry concert(String id, String[] keys) {
        float[] weights = new float[keys.length];
        Arrays.fill(weights, 1f / keys.length);
        return new Catalogue.Entry(id, new float[] {1f}, Catalogue.UNDATED, null, null, keys, weights, new String[0],
                true, false);
    }
}
