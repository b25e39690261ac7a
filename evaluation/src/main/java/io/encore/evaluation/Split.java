package io.encore.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two protocols of docs/quality.md. Training interactions are what every method may learn from, in time
 * order; each test case is ranked at its time over all eligible items — upcoming, and not already interacted
 * with by the guest — with no sampled negatives.
 *
 * <ul>
 *   <li><b>Leave-last-one-out</b>: each guest's last interaction (by timestamp) is held out and ranked for at
 *   its own time; every other interaction trains.</li>
 *   <li><b>Temporal</b>: interactions before the cutoff train; every guest is ranked for once at the cutoff,
 *   against everything it did from then on.</li>
 * </ul>
 *
 * A guest is left out (and counted) when it has fewer than {@code minHistory} training interactions, or when
 * nothing it held out is eligible at its ranking time (an item it had already interacted with, or one that had
 * started).
 *
 * @param skippedNoHistory  guests with a held-out interaction but too little training history
 * @param skippedIneligible guests whose held-out items were all ineligible
 */
public record Split(String protocol, List<Interaction> training, List<TestCase> cases, int skippedNoHistory,
                    int skippedIneligible) {

    public Split {
        training = List.copyOf(training);
        cases = cases.stream().sorted(Comparator.comparing(TestCase::at).thenComparing(TestCase::guestId)).toList();
    }

    public static Split leaveLastOut(Dataset data, int minHistory) {
        Map<String, Integer> last = new HashMap<>();
        List<Interaction> all = data.interactions();
        for (int i = 0; i < all.size(); i++) {
            last.put(all.get(i).guestId(), i); // time order, ties in file order: the last one wins
        }
        List<Interaction> training = new ArrayList<>();
        Map<String, Interaction> heldOut = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Interaction interaction = all.get(i);
            if (last.get(interaction.guestId()) == i) {
                heldOut.put(interaction.guestId(), interaction);
            } else {
                training.add(interaction);
            }
        }
        Builder builder = new Builder(data, training, minHistory);
        heldOut.values().forEach(h -> builder.add(h.guestId(), h.at(), Set.of(h.itemId())));
        return builder.build("leave-last-one-out");
    }

    public static Split temporal(Dataset data, Instant cutoff, int minHistory) {
        List<Interaction> training = new ArrayList<>();
        Map<String, Set<String>> later = new LinkedHashMap<>();
        for (Interaction interaction : data.interactions()) {
            if (interaction.at().isBefore(cutoff)) {
                training.add(interaction);
            } else {
                later.computeIfAbsent(interaction.guestId(), g -> new LinkedHashSet<>()).add(interaction.itemId());
            }
        }
        if (training.isEmpty() || later.isEmpty()) {
            throw new InputException("--cutoff " + cutoff + " leaves " + training.size() + " interactions to train on and "
                    + later.size() + " guests to test; choose a cutoff inside " + data.interactions().get(0).at() + " … "
                    + data.interactions().get(data.interactions().size() - 1).at());
        }
        Builder builder = new Builder(data, training, minHistory);
        later.forEach((guest, items) -> builder.add(guest, cutoff, items));
        return builder.build("temporal");
    }

    /** Filters held-out items to those eligible at the ranking time, and counts who is left out and why. */
    private static final class Builder {
        private final Dataset data;
        private final List<Interaction> training;
        private final int minHistory;
        private final List<TestCase> cases = new ArrayList<>();
        private final Map<String, List<Interaction>> byGuest = new HashMap<>();
        private int noHistory;
        private int ineligible;

        Builder(Dataset data, List<Interaction> training, int minHistory) {
            this.data = data;
            this.training = training;
            this.minHistory = minHistory;
        }

        void add(String guest, Instant at, Set<String> heldOut) {
            if (byGuest.isEmpty()) {
                training.forEach(t -> byGuest.computeIfAbsent(t.guestId(), g -> new ArrayList<>()).add(t));
            }
            List<Interaction> history = byGuest.getOrDefault(guest, List.of()).stream()
                    .filter(t -> t.at().isBefore(at)).toList();
            if (history.size() < minHistory) {
                noHistory++;
                return;
            }
            Set<String> seen = new HashSet<>();
            history.forEach(t -> seen.add(t.itemId()));
            Set<String> relevant = new LinkedHashSet<>();
            for (String item : heldOut) {
                if (!seen.contains(item) && data.items().get(item).offeredAt(at)) {
                    relevant.add(item);
                }
            }
            if (relevant.isEmpty()) {
                ineligible++;
                return;
            }
            cases.add(new TestCase(guest, at, relevant));
        }

        Split build(String protocol) {
            return new Split(protocol, training, cases, noHistory, ineligible);
        }
    }
}
