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
 * @param saleStart  when it goes on sale (null: on sale from the start); before then nobody can buy it, so
 *                   no method may offer it
 */
public record Item(String id, String title, List<String> tags, String description, Instant startTime,
                   String language, List<String> performers, Instant saleStart) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        tags = List.copyOf(tags);
        performers = List.copyOf(performers);
    }

    /** Whether the item may be offered at {@code at}: on sale by then, and undated or starting later. */
    public boolean offeredAt(Instant at) {
        return (saleStart == null || !saleStart.isAfter(at)) && (startTime == null || startTime.isAfter(at));
    }
}
