package io.encore.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of the catalogue being evaluated: a concert, as the items file describes it.
 *
 * @param startTime  when it starts (null: undated, always eligible); it is offered only before then
 * @param language   ISO 639-1 code of title and description (profile-stream picks its text analyzer by it)
 * @param performers names of its performers, when known (the simulator knows them; a CSV may give them)
 */
public record Item(String id, String title, List<String> tags, String description, Instant startTime,
                   String language, List<String> performers) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        tags = List.copyOf(tags);
        performers = List.copyOf(performers);
    }

    /** Whether the item may still be offered at {@code at}: undated, or starting later. */
    public boolean upcomingAt(Instant at) {
        return startTime == null || startTime.isAfter(at);
    }
}
