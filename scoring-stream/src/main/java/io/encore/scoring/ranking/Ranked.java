package io.encore.scoring.ranking;

/**
 * One concert of a ranked list.
 *
 * @param concertIndex index in the {@link io.encore.scoring.catalogue.Catalogue} the list was ranked against
 * @param score        the model's score for it (explored items keep their own, lower, score)
 * @param rank         position, 1 = first, consecutive
 * @param explored     drawn at random from beyond the top N to learn about it, not chosen for its score
 */
public record Ranked(int concertIndex, float score, int rank, boolean explored) {
}
