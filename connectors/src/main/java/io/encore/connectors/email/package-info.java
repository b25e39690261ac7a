/**
 * The e-mail sink: renders each {@code email-sends} record as a Danish or English multipart e-mail with
 * tracking links and delivers it over SMTP at most once per send id (a deterministic Message-ID and a
 * local ledger of delivered ids that survives restarts), at a bounded rate.
 */
package io.encore.connectors.email;
