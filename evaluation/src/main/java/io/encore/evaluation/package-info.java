/**
 * Offline evaluation ({@code ./encore evaluate}, issue 7): items and interactions from CSV files or the simulator,
 * split by leave-last-one-out or a temporal cutoff, replayed in time order through the real profile-stream and
 * scoring-stream topologies, and measured — HR@k, NDCG@k, coverage, novelty, and on simulated data the click and
 * purchase rates the simulator's hidden tastes predict — next to baselines computed by the same harness.
 */
package io.encore.evaluation;
