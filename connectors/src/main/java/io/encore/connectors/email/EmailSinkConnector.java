package io.encore.connectors.email;

import io.encore.connectors.common.EncoreSinkConnector;

/**
 * Delivers the personalised e-mails of {@code email-sends} over SMTP (issue 5). Runs <b>one task</b> whatever
 * {@code tasks.max} says: the ledger of delivered send ids is a local directory that only one task may own,
 * and a send id's partition may move between tasks on a rebalance. At the default 10 e-mails per second one
 * task is far from the limit of the SMTP relays a hall uses.
 */
public final class EmailSinkConnector extends EncoreSinkConnector {

    public EmailSinkConnector() {
        super(EmailSinkConnectorConfig.CONFIG_DEF, EmailSinkConnectorConfig::new, EmailSinkTask.class, 1);
    }
}
