package io.encore.profile.concepts;

import java.util.Locale;

import io.encore.schemas.avro.ConceptKind;

/**
 * One thing a concert is about: a performer, composer, work, tag or hall as a whole name ("Gregory Porter"
 * stays one concept, never two words), or a stemmed term from the title or description. Names are
 * normalized (trimmed, lower case, single spaces) so the catalogue's spellings meet.
 */
public record Concept(ConceptKind kind, String name) {

    public Concept {
        name = normalize(name);
    }

    /** Stable string form, for example {@code performer:gregory porter}; the dense vector hashes it. */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    /** The concept a {@link #key()} names. */
    public static Concept fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a concept key: " + key);
        }
        return new Concept(ConceptKind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)), key.substring(colon + 1));
    }

    static String normalize(String raw) {
        return raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
