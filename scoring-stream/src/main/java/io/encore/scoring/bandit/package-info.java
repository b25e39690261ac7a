/**
 * The self-learning part of scoring: a Thompson-sampling bandit per (channel, behaviour group) that chooses
 * which scoring model orders a guest's list, the reward scheme that feeds it, and the deterministic holdout
 * that measures whether personalisation earns its keep. Pure values and small mutable state objects; the
 * topology owns persistence, time and attribution.
 */
package io.encore.scoring.bandit;
