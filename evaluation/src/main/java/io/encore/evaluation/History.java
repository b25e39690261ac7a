package io.encore.evaluation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The training interactions seen so far, as the baselines and the metrics need them: each guest's items in
 * the order first met, and how many distinct guests met each item.
 */
public final class History {

    private final Map<String, LinkedHashSet<String>> guestItems = new HashMap<>();
    private final Map<String, Integer> itemGuests = new HashMap<>();

    /** Records the interaction; true when it is the guest's first with this item. */
    public boolean add(Interaction interaction) {
        boolean first = guestItems.computeIfAbsent(interaction.guestId(), g -> new LinkedHashSet<>())
                .add(interaction.itemId());
        if (first) {
            itemGuests.merge(interaction.itemId(), 1, Integer::sum);
        }
        return first;
    }

    /** The guest's items, in the order first met (empty for an unknown guest). */
    public Set<String> items(String guestId) {
        Set<String> items = guestItems.get(guestId);
        return items == null ? Set.of() : java.util.Collections.unmodifiableSet(items);
    }

    /** Distinct guests who interacted with the item. */
    public int guests(String itemId) {
        return itemGuests.getOrDefault(itemId, 0);
    }

    public int guestCount() {
        return guestItems.size();
    }
}
