package io.encore.evaluation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items and interactions, interactions in time order (ties in file order). Every interaction names a known
 * item; {@link CsvInputs} refuses the file otherwise.
 */
public record Dataset(Map<String, Item> items, List<Interaction> interactions) {

    public Dataset {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        interactions = interactions.stream().sorted(Comparator.comparing(Interaction::at)).toList();
    }

    public static Dataset of(List<Item> items, List<Interaction> interactions) {
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return new Dataset(byId, interactions);
    }

    public long guests() {
        return interactions.stream().map(Interaction::guestId).distinct().count();
    }
}
