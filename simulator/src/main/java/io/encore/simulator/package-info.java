/**
 * A seeded, deterministic simulated concert hall: the ground truth Encore is demonstrated and evaluated against.
 *
 * <ul>
 *   <li>{@code catalogue}: the taxonomy of sub-genres and their vocabulary, seasons of concerts, seats and status;</li>
 *   <li>{@code audience}: guests with hidden tastes, habits, value, responsiveness, identities and consents;</li>
 *   <li>{@code behaviour}: the world in motion and the closed loop — what Encore publishes changes what guests do;</li>
 *   <li>{@code history}: years of sales and reference data, fast;</li>
 *   <li>{@code output}, {@code kafka}, {@code csv}: where records go (memory, Encore's topics, import files).</li>
 * </ul>
 *
 * <p>It depends on the contract ({@code schemas}) alone, like any integration; no production module depends on it.
 */
package io.encore.simulator;
