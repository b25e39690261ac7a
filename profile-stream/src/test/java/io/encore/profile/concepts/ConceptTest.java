package io.encore.profile.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ConceptKind;

class ConceptTest {

    private static final String ALPHABET = "abcXYZ 019 \t\n\u00a0ÆøÅé\u2003\u01c5:-";

    /** The definition the fast path must agree with: trimmed, runs of whitespace as one space, lower case. */
    private static String reference(String raw) {
        return raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Test
    void shouldNormalizeExactlyAsTheRegexDefinitionWhenGivenRandomNames() {
        // given
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                raw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }

            // when / then
            assertThat(Concept.normalize(raw.toString())).as("'%s'", raw).isEqualTo(reference(raw.toString()));
        }
    }

    @Test
    void shouldReadBackEveryKindWhenAKeyIsParsed() {
        for (ConceptKind kind : ConceptKind.values()) {
            Concept concept = new Concept(kind, "  Gregory   Porter ");
            assertThat(Concept.fromKey(concept.key())).isEqualTo(concept);
            assertThat(concept.key()).isEqualTo(kind.name().toLowerCase(Locale.ROOT) + ":gregory porter");
        }
    }
}
