package io.encore.simulator.catalogue;

import java.util.List;

/**
 * Sentence templates of concert descriptions, in pairs. Placeholders in braces ({@code {headliner}},
 * {@code {p1}} ...) are filled by {@link DescriptionWriter}.
 */
public record Templates(List<Texts> openers, List<Texts> bodies, List<Texts> support, List<Texts> programme,
                        List<Texts> closings, List<Texts> crossoverTitles) {

    public Templates {
        openers = List.copyOf(openers);
        bodies = List.copyOf(bodies);
        support = List.copyOf(support);
        programme = List.copyOf(programme);
        closings = List.copyOf(closings);
        crossoverTitles = List.copyOf(crossoverTitles);
    }
}
