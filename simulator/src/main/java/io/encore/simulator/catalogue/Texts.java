package io.encore.simulator.catalogue;

import java.util.Objects;

/**
 * One text in Danish and English. The hall publishes in both, and every generated sentence is chosen as a pair,
 * so a concert's translation says what its original says.
 */
public record Texts(String da, String en) {

    public Texts {
        Objects.requireNonNull(da, "da");
        Objects.requireNonNull(en, "en");
    }

    /** The text in {@code language} ({@code da} or {@code en}). */
    public String in(String language) {
        return "en".equals(language) ? en : da;
    }
}
