package io.encore.connectors.email;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.encore.connectors.common.ModuleVersion;

/**
 * Delivers the personalised e-mails of {@code email-sends} over SMTP (issue 5). Runs <b>one task</b> whatever
 * {@code tasks.max} says: the ledger of delivered send ids is a local directory that only one task may own,
 * and a send id's partition may move between tasks on a rebalance. At the default 10 e-mails per second one
 * task is far from the limit of the SMTP relays a hall uses.
 */
public final class EmailSinkConnector extends SinkConnector {

    private Map<String, String> props = Map.of();

    @Override
    public void start(Map<String, String> props) {
        new EmailSinkConnectorConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return EmailSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return maxTasks < 1 ? List.of() : List.of(props);
    }

    @Override
    public void stop() {
        props = Map.of();
    }

    @Override
    public ConfigDef config() {
        return EmailSinkConnectorConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return ModuleVersion.get();
    }
}
