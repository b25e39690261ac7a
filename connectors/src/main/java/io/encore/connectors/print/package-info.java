/**
 * The print sink: writes each {@code print-sends} record as a one-recipient A4 PDF (address in the envelope
 * window, greeting, the chosen concerts in order) and a line in its campaign's manifest CSV for the print
 * house, never overwriting a finished file and never listing a piece twice, also across redeliveries and
 * crashes.
 */
package io.encore.connectors.print;
