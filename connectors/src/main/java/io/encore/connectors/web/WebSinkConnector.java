package io.encore.connectors.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.encore.connectors.common.ModuleVersion;

/**
 * Keeps each guest's current WEB recommendation set in Redis for the site (issue 5). Every task gets the
 * connector's settings unchanged. A guest's set (key {@code <guestId>|WEB}) and profile (key {@code guestId})
 * hash to unrelated partitions and so may reach different tasks: the tasks hold no state of their own and
 * meet in Redis, reading a guest's aliases and set there at the start of each batch.
 */
public final class WebSinkConnector extends SinkConnector {

    private Map<String, String> props = Map.of();

    @Override
    public void start(Map<String, String> props) {
        new WebSinkConnectorConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WebSinkTask.class;
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
        return WebSinkConnectorConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return ModuleVersion.get();
    }
}
