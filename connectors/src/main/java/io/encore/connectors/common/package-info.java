/**
 * What every Encore sink shares: reading Encore's Avro values from the raw bytes a worker hands over, and
 * reporting records that cannot be delivered the way Connect's {@code errors.*} settings ask.
 */
package io.encore.connectors.common;
