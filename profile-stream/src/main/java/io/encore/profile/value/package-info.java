/**
 * A guest's value and lifecycle without Kafka: monthly spend ({@link io.encore.profile.value.SpendLedger}), RFM-T
 * figures ({@link io.encore.profile.value.RfmCalculator}), value quintiles over the whole population
 * ({@link io.encore.profile.value.ValueHistogram}) and the lifecycle segment ({@link io.encore.profile.value.Lifecycle}).
 *
 * <p>Kept pure so the processor that holds one state record per guest only maps to and from Avro: every stateful
 * class exposes its state as plain arrays or maps, is rebuilt from them by a static {@code of(...)}, is bounded in
 * size, and gives the same answer for the same inputs on every instance (no wall clock, no platform-dependent
 * maths), so a restored or standby task reaches exactly the state the active one had.
 */
package io.encore.profile.value;
