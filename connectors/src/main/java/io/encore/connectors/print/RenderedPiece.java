package io.encore.connectors.print;

/**
 * One piece rendered in memory, ready to be written.
 *
 * @param pdf   the PDF document
 * @param pages its number of pages
 */
record RenderedPiece(byte[] pdf, int pages) {
}
