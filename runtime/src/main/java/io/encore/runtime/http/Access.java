package io.encore.runtime.http;

/**
 * Who may call a route when bearer tokens are on ({@link BearerAuth}). Admin endpoints (metrics, model and
 * segment reports, explanations) are kept apart from the per-guest and per-concert lookups a channel system
 * makes, so the token a website holds cannot read how the engine works inside.
 */
public enum Access {

    /** No token: the orchestrator's probes ({@code /health/live}, {@code /health/ready}). */
    OPEN,

    /** The query token or the admin token: lookups of one guest's or one concert's answer. */
    QUERY,

    /** The admin token only: operational views. A route declares nothing else gets this, the strictest. */
    ADMIN
}
