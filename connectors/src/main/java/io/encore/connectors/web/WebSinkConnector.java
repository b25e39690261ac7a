package io.encore.connectors.web;

import io.encore.connectors.common.EncoreSinkConnector;

/**
 * Keeps each guest's current WEB recommendation set in Redis for the site (issue 5). Every task gets the
 * connector's settings unchanged. A guest's set (key {@code <guestId>|WEB}) and profile (key {@code guestId})
 * hash to unrelated partitions and so may reach different tasks: the tasks hold no state of their own and
 * meet in Redis, reading a guest's aliases and set there at the start of each batch.
 */
public final class WebSinkConnector extends EncoreSinkConnector {

    public WebSinkConnector() {
        super(WebSinkConnectorConfig.CONFIG_DEF, WebSinkConnectorConfig::new, WebSinkTask.class);
    }
}
