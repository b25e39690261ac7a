/**
 * Kafka Connect sinks that deliver recommendations to email, ad platforms, the website and print. The
 * web sink (Redis) is in {@code web}, what sinks share in {@code common}. They depend on the topic contract
 * ({@code encore-schemas}) only.
 */
package io.encore.connectors;
