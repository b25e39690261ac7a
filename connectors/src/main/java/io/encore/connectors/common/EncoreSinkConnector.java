package io.encore.connectors.common;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * What Encore's sink connectors share: validate the settings when the connector starts (failing fast with
 * the name of the bad setting), give every task the same settings (the worker spreads the partitions; a
 * key's records stay in one partition, so they stay in order), and report the module's version.
 */
public abstract class EncoreSinkConnector extends SinkConnector {

    private final ConfigDef definition;
    private final Consumer<Map<String, String>> validation;
    private final Class<? extends Task> taskClass;
    private Map<String, String> props = Map.of();

    protected EncoreSinkConnector(ConfigDef definition, Consumer<Map<String, String>> validation,
                                  Class<? extends Task> taskClass) {
        this.definition = definition;
        this.validation = validation;
        this.taskClass = taskClass;
    }

    @Override
    public final void start(Map<String, String> props) {
        validation.accept(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public final Class<? extends Task> taskClass() {
        return taskClass;
    }

    @Override
    public final List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public final void stop() {
        props = Map.of();
    }

    @Override
    public final ConfigDef config() {
        return definition;
    }

    @Override
    public final String version() {
        return ModuleVersion.get();
    }
}
