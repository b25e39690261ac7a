package io.encore.simulator.catalogue;

/**
 * A fictional performer of a sub-genre.
 *
 * @param role a {@code PerformerRole} symbol
 * @param fame how strongly the name alone sells tickets, around 1
 */
public record PerformerSpec(String name, String role, double fame) {
}
