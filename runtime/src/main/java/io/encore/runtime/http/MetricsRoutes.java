package io.encore.runtime.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Serves the registry to a Prometheus scraper from the same server as the stores, so one port is exposed. */
public final class MetricsRoutes {

    public static final String PATH = "/metrics";
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoutes() {
    }

    /** Adds {@code GET /metrics} in the Prometheus text exposition format 0.0.4, for the admin token. */
    public static HttpApi.Builder install(HttpApi.Builder builder, PrometheusMeterRegistry registry) {
        return builder.get(Access.ADMIN, PATH, request -> Response.text(200, CONTENT_TYPE, registry.scrape()));
    }
}
