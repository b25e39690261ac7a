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
 * key's records stay in one partition, so they stay in order), and report the module's version. A sink whose
 * tasks would share local state (a file) caps the number of tasks whatever {@code tasks.max} says.
 */
public abstract class EncoreSinkConnector extends SinkConnector {

    private final ConfigDef definition;
    private final Consumer<Map<String, String>> validation;
    private final Class<? extends Task> taskClass;
    private final int taskLimit;
    private Map<String, String> props = Map.of();

    protected EncoreSinkConnector(ConfigDef definition, Consumer<Map<String, String>> validation,
                                  Class<? extends Task> taskClass) {
        this(definition, validation, taskClass, Integer.MAX_VALUE);
    }

    /** {@code taskLimit}: the most tasks the connector runs, whatever {@code tasks.max} allows. */
    protected EncoreSinkConnector(ConfigDef definition, Consumer<Map<String, String>> validation,
                                  Class<? extends Task> taskClass, int taskLimit) {
        if (taskLimit < 1) {
            throw new IllegalArgumentException("taskLimit must be at least 1: " + taskLimit);
        }
        this.definition = definition;
        this.validation = validation;
        this.taskClass = taskClass;
        this.taskLimit = taskLimit;
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
        return Collections.nCopies(Math.max(0, Math.min(maxTasks, taskLimit)), props);
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
