package io.encore.connectors.print;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text reduced to what a font can show. The standard 14 PDF fonts use WinAnsiEncoding: Danish and the other
 * Western European letters are there, but a name like "Łukasz" or "東京" is not, and PDFBox refuses to show
 * such text. Each character the font cannot encode becomes its base letter when it has one ("Ś" → "S"), a
 * close letter for the few with no decomposition ("Ł" → "L"), or '?'; line breaks and tabs become spaces and
 * invisible format characters are dropped, so any text renders.
 */
final class PrintableText {

    static final char REPLACEMENT = '?';

    private PrintableText() {
    }

    static String of(String text, PDFont font) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> append(out, codePoint, font));
        return out.toString();
    }

    private static void append(StringBuilder out, int codePoint, PDFont font) {
        if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
            out.append(' ');
        } else if (Character.getType(codePoint) == Character.FORMAT) {
            return;
        } else if (encodable(font, codePoint)) {
            out.appendCodePoint(codePoint);
        } else {
            out.append(substitute(codePoint, font));
        }
    }

    /** The base letters of a decomposable character ("Ś" → "S"), a close letter, or '?'. */
    private static String substitute(int codePoint, PDFont font) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && encodable(font, c))
                .forEach(base::appendCodePoint);
        if (base.length() > 0) {
            return base.toString();
        }
        String close = switch (codePoint) {
            case 'Ł' -> "L";
            case 'ł' -> "l";
            case 'Đ' -> "D";
            case 'đ' -> "d";
            case 'Ħ' -> "H";
            case 'ħ' -> "h";
            case 'ı' -> "i";
            default -> null;
        };
        return close != null ? close : String.valueOf(REPLACEMENT);
    }

    private static boolean encodable(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException notInTheFont) {
            return false;
        }
    }
}
