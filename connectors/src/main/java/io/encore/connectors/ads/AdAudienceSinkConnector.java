package io.encore.connectors.ads;

import io.encore.connectors.common.EncoreSinkConnector;

/**
 * Keeps one custom audience per concert, and one of its look-alikes, at an ad platform, from the
 * {@code concert-audiences} diffs. Every task gets the same settings: the worker spreads the topic's
 * partitions, and a concert's records stay in one partition (key = concert id), so its diffs stay in order.
 */
public final class AdAudienceSinkConnector extends EncoreSinkConnector {

    public AdAudienceSinkConnector() {
        super(AdAudienceSinkConnectorConfig.CONFIG_DEF, AdAudienceSinkConnectorConfig::new, AdAudienceSinkTask.class);
    }
}
