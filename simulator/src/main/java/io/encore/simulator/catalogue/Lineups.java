package io.encore.simulator.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.encore.simulator.random.Draw;

/** Who plays and what: a concert's performers from its sub-genre's lineup slots, and its works. */
final class Lineups {

    private Lineups() {
    }

    /** Performers in billing order; a cross-over adds the other sub-genre's headliner second. */
    static List<PerformerSpec> cast(SplittableRandom random, SubGenre genre, SubGenre cross) {
        List<PerformerSpec> cast = new ArrayList<>();
        for (String slot : genre.lineup()) {
            boolean optional = slot.endsWith("?");
            if (optional && !Draw.chance(random, 0.5)) {
                continue;
            }
            pick(random, genre, List.of(slot.replace("?", "").split("\\|")), cast);
            if (cross != null && cast.size() == 1) {
                String first = cross.lineup().get(0).replace("?", "");
                pick(random, cross, List.of(first.split("\\|")), cast);
            }
        }
        return cast;
    }

    private static void pick(SplittableRandom random, SubGenre genre, List<String> roles, List<PerformerSpec> cast) {
        List<PerformerSpec> candidates = genre.performers().stream()
                .filter(p -> roles.contains(p.role()) && cast.stream().noneMatch(c -> c.name().equals(p.name())))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        double[] fame = candidates.stream().mapToDouble(PerformerSpec::fame).toArray();
        cast.add(candidates.get(Draw.weighted(random, fame)));
    }

    /** Two or three works from one or two composers of a classical sub-genre; one more from a classical cross. */
    static List<WorkSpec> programme(SplittableRandom random, SubGenre genre, SubGenre cross) {
        List<WorkSpec> works = new ArrayList<>();
        if (genre.classical()) {
            List<ComposerSpec> composers = new ArrayList<>(genre.composers());
            ComposerSpec first = composers.remove(random.nextInt(composers.size()));
            addWorks(random, first, 1 + random.nextInt(2), works);
            if (!composers.isEmpty() && (works.size() < 2 || Draw.chance(random, 0.5))) {
                addWorks(random, composers.get(random.nextInt(composers.size())), 1, works);
            }
        }
        if (cross != null && cross.classical()) {
            addWorks(random, Draw.oneOf(random, cross.composers()), 1, works);
        }
        return works;
    }

    private static void addWorks(SplittableRandom random, ComposerSpec composer, int count, List<WorkSpec> works) {
        List<String> titles = new ArrayList<>(composer.works());
        for (int i = 0; i < count && !titles.isEmpty(); i++) {
            String title = titles.remove(random.nextInt(titles.size()));
            WorkSpec work = new WorkSpec(title, composer.name());
            if (!works.contains(work)) {
                works.add(work);
            }
        }
    }
}
