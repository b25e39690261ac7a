package io.encore.connectors.print;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A cursor that flows content down A4 pages: it draws a line of text or a frame where the cursor is and
 * moves down, and starts a new page when asked for more height than the page has left. Positions are in
 * points from the top of the page, which is how print layouts (and envelope windows) are specified.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MM = 72f / 25.4f;
    static final float LEFT = 25 * MM;
    static final float RIGHT = 20 * MM;
    static final float TOP = 20 * MM;
    /** Leaves room for the footer line. */
    static final float BOTTOM = 22 * MM;

    private final PDDocument document;
    private PDPageContentStream content;
    /** Distance of the cursor from the top of the current page. */
    private float y;

    PageFlow(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    /** Width between the margins. */
    static float width() {
        return PAGE.getWidth() - LEFT - RIGHT;
    }

    /** Height a fresh page offers. */
    static float pageCapacity() {
        return PAGE.getHeight() - TOP - BOTTOM;
    }

    float remaining() {
        return PAGE.getHeight() - BOTTOM - y;
    }

    /** Moves the cursor down to {@code fromTop} on the current page (never up). */
    void moveTo(float fromTop) {
        y = Math.max(y, fromTop);
    }

    void skip(float height) {
        y += height;
    }

    /** Starts a new page unless {@code height} fits on this one. */
    void ensure(float height) throws IOException {
        if (height > remaining()) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Draws one line of printable text at the cursor, {@code indent} right of the margin, and moves below it. */
    void line(String printable, TextStyle style, float indent) throws IOException {
        textAt(printable, style, LEFT + indent, y + style.size());
        y += style.leading();
    }

    /** Draws printable text with its baseline {@code baselineFromTop} below the top of the page. */
    void textAt(String printable, TextStyle style, float x, float baselineFromTop) throws IOException {
        content.beginText();
        content.setNonStrokingColor(style.gray());
        content.setFont(style.font(), style.size());
        content.newLineAtOffset(x, PAGE.getHeight() - baselineFromTop);
        content.showText(printable);
        content.endText();
    }

    /** Strokes a thin grey frame over the full width, from the cursor down {@code height}; the cursor stays. */
    void frame(float height) throws IOException {
        content.setStrokingColor(0.75f);
        content.setLineWidth(0.6f);
        content.addRect(LEFT, PAGE.getHeight() - y - height, width(), height);
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
