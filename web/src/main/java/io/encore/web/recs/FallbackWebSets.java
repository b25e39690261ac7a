package io.encore.web.recs;

import java.util.Optional;

/** The first source's list when it has one, else the second's: Redis first, scoring-stream's API after. */
public record FallbackWebSets(WebSets first, WebSets second) implements WebSets {

    @Override
    public Optional<WebRow> current(String id) {
        Optional<WebRow> row = first.current(id);
        return row.isPresent() ? row : second.current(id);
    }
}
