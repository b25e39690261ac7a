package io.encore.simulator.catalogue;

/**
 * A family of sub-genres (jazz, pop, classical ...). Families exist because the interesting mistakes happen
 * inside them: the sub-genres of one family share a tag and a name, not an audience.
 *
 * @param id  kebab-case id used by sub-genres
 * @param tag the editorial tag every concert of the family carries, also the market-spend category
 */
public record Family(String id, String tag, String da, String en) {
}
