package io.encore.runtime.http;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness that follow {@link KafkaStreams.State}: an orchestrator restarts an instance that
 * is dead (ERROR, NOT_RUNNING) and sends traffic only to one that is RUNNING, so a rebalancing instance is
 * kept but not asked.
 */
public final class HealthRoutes {

    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";

    private static final Set<KafkaStreams.State> DEAD = EnumSet.of(
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.NOT_RUNNING);

    private HealthRoutes() {
    }

    /** Adds {@code GET /health/live} and {@code GET /health/ready}, open to probes without a token. */
    public static HttpApi.Builder install(HttpApi.Builder builder, Supplier<KafkaStreams.State> state) {
        return builder
                .get(Access.OPEN, LIVE_PATH, request -> live(state.get()))
                .get(Access.OPEN, READY_PATH, request -> ready(state.get()));
    }

    static Response live(KafkaStreams.State state) {
        return DEAD.contains(state) ? down(state) : Response.ok(Health.up(state));
    }

    static Response ready(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING
                ? Response.ok(Health.up(state))
                : down(state).withHeader(Response.RETRY_AFTER, "1");
    }

    private static Response down(KafkaStreams.State state) {
        return Response.json(503, new Health("DOWN", state.name()));
    }

    /** The health body: {@code {"status":"UP","state":"RUNNING"}}. */
    public record Health(String status, String state) {

        static Health up(KafkaStreams.State state) {
            return new Health("UP", state.name());
        }
    }
}
