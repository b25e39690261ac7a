package io.encore.connectors.common;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a record that cannot be delivered goes. With a reporter from the worker (KIP-610: present when the
 * connector sets {@code errors.deadletterqueue.topic.name} or {@code errors.log.enable}), the worker applies
 * {@code errors.tolerance}: it logs or dead-letters the record, or fails the task when tolerance is
 * {@code none}, and it waits for the dead letters before committing offsets. Without one this class applies
 * the same tolerance itself: {@code all} logs and skips, {@code none} (Connect's default) fails the task.
 */
public final class ErrantRecords {

    public static final String TOLERANCE_CONFIG = "errors.tolerance";

    private static final Logger LOG = LoggerFactory.getLogger(ErrantRecords.class);

    /** Connect's {@code errors.tolerance} values. */
    public enum Tolerance {
        NONE, ALL;

        static Tolerance from(Map<String, String> props) {
            String value = props.getOrDefault(TOLERANCE_CONFIG, "none").trim().toUpperCase(Locale.ROOT);
            try {
                return Tolerance.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Unknown " + TOLERANCE_CONFIG + " '" + value + "' (none or all)", e);
            }
        }
    }

    private final ErrantRecordReporter reporter;
    private final Tolerance tolerance;

    ErrantRecords(ErrantRecordReporter reporter, Tolerance tolerance) {
        this.reporter = reporter;
        this.tolerance = tolerance;
    }

    /** Uses the worker's reporter when it has one; {@code props} are the task's, for {@code errors.tolerance}. */
    public static ErrantRecords of(SinkTaskContext context, Map<String, String> props) {
        return new ErrantRecords(reporterOf(context), Tolerance.from(props));
    }

    private static ErrantRecordReporter reporterOf(SinkTaskContext context) {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError | UnsupportedOperationException olderWorker) {
            return null;
        }
    }

    public boolean hasReporter() {
        return reporter != null;
    }

    /**
     * Reports {@code record} as undeliverable because of {@code error}.
     *
     * @throws ConnectException when errors are not tolerated
     */
    public void report(SinkRecord record, Throwable error) {
        if (reporter != null) {
            reporter.report(record, error);
            return;
        }
        if (tolerance == Tolerance.ALL) {
            LOG.warn("Skipping {} ({}=all, no dead-letter queue configured): {}",
                    EncoreRecordDecoder.where(record), TOLERANCE_CONFIG, error.getMessage());
            return;
        }
        throw new ConnectException("Cannot deliver " + EncoreRecordDecoder.where(record) + " and " + TOLERANCE_CONFIG
                + "=none: " + error.getMessage(), error);
    }
}
