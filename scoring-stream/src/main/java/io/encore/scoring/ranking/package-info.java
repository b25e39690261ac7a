/**
 * From scores to the list a guest sees: top-N selection with diversity caps and a share of exploration
 * slots ({@link io.encore.scoring.ranking.Ranker}), and the rule that decides whether a new list differs
 * enough from the last published one to publish it ({@link io.encore.scoring.ranking.ChangeDetector}).
 */
package io.encore.scoring.ranking;
