/**
 * Kafka Connect sinks that deliver recommendations to email, ad platforms, the website and print. The
 * module is laid out by the foundation; the sinks arrive with issue 5. They depend on the topic contract
 * ({@code encore-schemas}) only.
 */
package io.encore.connectors;
