package io.encore.connectors.ads;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Keeps one custom audience per concert, and one of its look-alikes, at an ad platform, from the
 * {@code concert-audiences} diffs. Every task gets the same settings: the worker spreads the topic's
 * partitions, and a concert's records stay in one partition (key = concert id), so its diffs stay in order.
 */
public final class AdAudienceSinkConnector extends SinkConnector {

    static final String VERSION = versionOf(AdAudienceSinkConnector.class);

    private Map<String, String> props = Map.of();

    @Override
    public void start(Map<String, String> props) {
        new AdAudienceSinkConnectorConfig(props); // fail fast, naming the bad setting
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return AdAudienceSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = Map.of();
    }

    @Override
    public ConfigDef config() {
        return AdAudienceSinkConnectorConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }

    static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
