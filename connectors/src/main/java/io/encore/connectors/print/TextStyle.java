package io.encore.connectors.print;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A font at a size, with the distance between baselines and a grey level (0 black, 1 white).
 *
 * @param font    a standard 14 font (its widths come from the AFM metrics PDFBox ships)
 * @param size    font size in points
 * @param leading baseline to baseline, in points
 * @param gray    fill grey level of the text
 */
record TextStyle(PDFont font, float size, float leading, float gray) {

    TextStyle withSize(float newSize) {
        return new TextStyle(font, newSize, newSize * leading / size, gray);
    }

    /** The width of {@code text} in points; {@code text} must be {@link PrintableText printable} in the font. */
    float width(String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            // the standard 14 fonts' widths are in memory: no I/O happens here
            throw new UncheckedIOException("Cannot measure text in " + font.getName(), e);
        }
    }
}
