package io.encore.connectors.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: between words where it can, and inside a word (a URL, a long
 * name) only when the word alone is wider than the line.
 */
final class LineWrapper {

    private LineWrapper() {
    }

    /** The lines of {@code text} in {@code style}, none wider than {@code width}; empty for blank text. */
    static List<String> wrap(String text, TextStyle style, float width) {
        String printable = PrintableText.of(text, style.font()).trim();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (style.width(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (style.width(rest) > width) {
                int cut = longestFittingPrefix(rest, style, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * At least one character, so a line narrower than one glyph still makes progress. Printable text holds
     * WinAnsi characters only, so a cut never splits a surrogate pair.
     */
    private static int longestFittingPrefix(String word, TextStyle style, float width) {
        int cut = 1;
        while (cut < word.length() && style.width(word.substring(0, cut + 1)) <= width) {
            cut++;
        }
        return cut;
    }
}
