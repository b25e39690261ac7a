package io.encore.scoring.model;

import java.util.Locale;

import io.encore.schemas.avro.ConceptKind;
import io.encore.scoring.catalogue.ConceptVocabulary;

/**
 * Concept keys are {@code kind:name} in lower case (as profile-stream writes them). The prefixes are compared
 * with {@code startsWith}, which allocates nothing; names are cut out only for explanations. The affinity and
 * aversion walks over the catalogue compare no strings: they read the kinds the catalogue's
 * {@link ConceptVocabulary} derived from these same prefixes.
 */
final class ConceptKeys {

    static final String PERFORMER = ConceptVocabulary.prefix(ConceptKind.PERFORMER);
    static final String COMPOSER = ConceptVocabulary.prefix(ConceptKind.COMPOSER);
    static final String WORK = ConceptVocabulary.prefix(ConceptKind.WORK);
    static final String TAG = ConceptVocabulary.prefix(ConceptKind.TAG);
    static final String HALL = ConceptVocabulary.prefix(ConceptKind.HALL);

    private ConceptKeys() {
    }

    /** The name part, e.g. {@code vocal jazz} of {@code tag:vocal jazz}: the reason's {@code concept}. */
    static String name(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(colon + 1);
    }

    static boolean hasAnyPrefix(String key, String[] prefixes) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** How a name reads in a sentence: people title-cased, works with a capital first letter, the rest as is. */
    static String display(String key) {
        String name = name(key);
        if (key.startsWith(PERFORMER) || key.startsWith(COMPOSER)) {
            return titleCase(name);
        }
        if (key.startsWith(WORK) || key.startsWith(HALL)) {
            return capitalised(name);
        }
        return name;
    }

    /** {@code marilyn mazur} → {@code Marilyn Mazur}; also used for the catalogue's performer names. */
    static String titleCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
