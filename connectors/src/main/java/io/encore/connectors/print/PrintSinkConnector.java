package io.encore.connectors.print;

import io.encore.connectors.common.EncoreSinkConnector;

/**
 * Writes the personalised brochures of {@code print-sends} as PDFs with a manifest for the print house
 * (issue 5). Runs <b>one task</b> whatever {@code tasks.max} says: a campaign's manifest is one file that
 * pieces from every partition append to, and "one line per send id, also across redeliveries" needs one
 * writer that knows which ids it lists. Several tasks would have to lock the manifest for every append and
 * re-read it after every lock, and a lock on a network share, where print output often lives, is not
 * reliable. One task renders a few pieces per second; a campaign of tens of thousands of pieces is written
 * well within an hour, and printing takes days.
 */
public final class PrintSinkConnector extends EncoreSinkConnector {

    public PrintSinkConnector() {
        super(PrintSinkConnectorConfig.CONFIG_DEF, PrintSinkConnectorConfig::new, PrintSinkTask.class, 1);
    }
}
