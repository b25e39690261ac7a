package io.encore.profile.concepts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.encore.schemas.avro.ConceptKind;

/**
 * One thing a concert is about: a performer, composer, work, tag or hall as a whole name ("Gregory Porter"
 * stays one concept, never two words), or a stemmed term from the title or description. Names are
 * normalized (trimmed, lower case, single spaces) so the catalogue's spellings meet.
 */
public record Concept(ConceptKind kind, String name) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ConceptKind[] KINDS = ConceptKind.values();
    private static final String[] PREFIXES = new String[KINDS.length];
    private static final Map<String, ConceptKind> BY_NAME = new HashMap<>();

    static {
        for (ConceptKind kind : KINDS) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            PREFIXES[kind.ordinal()] = name + ":";
            BY_NAME.put(name, kind);
        }
    }

    public Concept {
        name = normalize(name);
    }

    /** Stable string form, for example {@code performer:gregory porter}; the dense vector hashes it. */
    public String key() {
        return PREFIXES[kind.ordinal()] + name;
    }

    /** The concept a {@link #key()} names. */
    public static Concept fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a concept key: " + key);
        }
        String kind = key.substring(0, colon);
        ConceptKind known = BY_NAME.get(kind);
        return new Concept(known != null ? known : ConceptKind.valueOf(kind.toUpperCase(Locale.ROOT)), key.substring(colon + 1));
    }

    static String normalize(String raw) {
        return isNormal(raw) ? raw : WHITESPACE.matcher(raw.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code raw} is plain ASCII that normalizing would leave as it is: no upper case, no control
     * character, no space at either end or twice in a row. Every event names its concepts again, and the regex
     * (a fresh {@code Pattern} per {@code replaceAll}) and the copies were a few percent of profile-stream's time.
     */
    private static boolean isNormal(String raw) {
        int last = raw.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = raw.charAt(i);
            if (c >= 0x7F || c < 0x20 || (c >= 'A' && c <= 'Z')
                    || c == ' ' && (i == 0 || i == last || raw.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
