package io.encore.runtime.errors;

import java.util.Locale;

import io.encore.schemas.avro.FailureStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts dead letters as {@value #NAME} by stage and reason category. The category is one of a fixed few
 * ({@link Reason}), never the reason's text, which names ids and values: the label set stays bounded and no
 * guest id or address reaches a metric.
 */
public final class DeadLetterMeter {

    public static final String NAME = "encore.dead.letters";

    /** Why a record was dead-lettered, coarsely; the record's {@code reason} field says exactly. */
    public enum Reason {
        /** Its bytes could not be decoded (wrong serializer, unknown schema, corrupt). */
        UNDECODABLE,
        /** It decoded but broke a rule of the app ({@link RejectedRecordException}): bad input. */
        REJECTED,
        /** Processing it threw something else: a bug to look at. */
        FAILED,
        /** Waited for a concert that never arrived within the hold time. */
        HOLD_EXPIRED,
        /** A result could not be serialized. */
        UNSERIALIZABLE,
        /** A result could not be written to its topic (not retriable). */
        NOT_WRITTEN;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    public DeadLetterMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(FailureStage stage, Reason reason) {
        Counter.builder(NAME)
                .description("Records written to the dead-letter topic, by stage and reason category")
                .tag("stage", stage.name().toLowerCase(Locale.ROOT))
                .tag("reason", reason.label())
                .register(registry)
                .increment();
    }

    /** The category of a failure at {@code stage} that the dead-letter handler caught. */
    static Reason categorize(FailureStage stage, Exception exception, boolean serialization) {
        return switch (stage) {
            case DESERIALIZATION -> Reason.UNDECODABLE;
            case PROCESSING -> exception instanceof RejectedRecordException ? Reason.REJECTED : Reason.FAILED;
            case PRODUCTION -> serialization ? Reason.UNSERIALIZABLE : Reason.NOT_WRITTEN;
            default -> Reason.FAILED;
        };
    }
}
