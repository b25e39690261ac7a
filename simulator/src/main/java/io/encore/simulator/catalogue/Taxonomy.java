package io.encore.simulator.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The musical world of the simulated hall: families, sub-genres with their Danish and English vocabulary,
 * fictional performers, composers and works, halls and the sentence templates of descriptions. Held as data
 * ({@code taxonomy.json} beside this class) so a programme editor can change the world without touching code.
 */
public final class Taxonomy {

    private static final String RESOURCE = "taxonomy.json";
    private static final Set<String> ROLES = Set.of("ARTIST", "ENSEMBLE", "CONDUCTOR", "SOLOIST", "BAND", "DJ");

    private final List<Hall> halls;
    private final Map<String, Hall> hallsByName = new HashMap<>();
    private final List<Family> families;
    private final Map<String, Family> familiesById = new HashMap<>();
    private final List<SubGenre> subGenres;
    private final Map<String, SubGenre> subGenresById = new HashMap<>();
    private final Templates templates;
    private final List<SubGenre[]> crossovers;

    record File(List<Hall> halls, List<Family> families, Templates templates, List<SubGenre> subGenres,
                List<List<String>> crossovers) {
    }

    private Taxonomy(File file) {
        halls = List.copyOf(file.halls());
        halls.forEach(h -> hallsByName.put(h.name(), h));
        families = List.copyOf(file.families());
        families.forEach(f -> familiesById.put(f.id(), f));
        List<SubGenre> indexed = new ArrayList<>();
        for (SubGenre genre : file.subGenres()) {
            SubGenre withIndex = genre.withIndex(indexed.size());
            indexed.add(withIndex);
            subGenresById.put(withIndex.id(), withIndex);
        }
        subGenres = List.copyOf(indexed);
        templates = file.templates();
        List<SubGenre[]> pairs = new ArrayList<>();
        for (List<String> pair : file.crossovers()) {
            pairs.add(new SubGenre[] {require(pair.get(0)), require(pair.get(1))});
        }
        crossovers = List.copyOf(pairs);
        subGenres.forEach(this::validate);
    }

    /** The taxonomy shipped with the simulator. */
    public static Taxonomy standard() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the simulator jar");
            }
            ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            return new Taxonomy(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<SubGenre> subGenres() {
        return subGenres;
    }

    public SubGenre subGenre(int index) {
        return subGenres.get(index);
    }

    public Optional<SubGenre> subGenre(String id) {
        return Optional.ofNullable(subGenresById.get(id));
    }

    public List<Family> families() {
        return families;
    }

    public Family family(SubGenre genre) {
        return familiesById.get(genre.family());
    }

    /** Sub-genres of the same family as {@code genre}, itself excluded. */
    public List<SubGenre> siblings(SubGenre genre) {
        return subGenres.stream().filter(g -> g.family().equals(genre.family()) && g.index() != genre.index()).toList();
    }

    public List<Hall> halls() {
        return halls;
    }

    public Hall hall(String name) {
        Hall hall = hallsByName.get(name);
        if (hall == null) {
            throw new IllegalArgumentException("unknown hall " + name);
        }
        return hall;
    }

    public Templates templates() {
        return templates;
    }

    /** Pairs of sub-genres that cross-over concerts mix. */
    public List<SubGenre[]> crossovers() {
        return crossovers;
    }

    private SubGenre require(String id) {
        SubGenre genre = subGenresById.get(id);
        if (genre == null) {
            throw new IllegalStateException("taxonomy: unknown sub-genre " + id);
        }
        return genre;
    }

    private void validate(SubGenre genre) {
        String where = "taxonomy: sub-genre " + genre.id();
        check(familiesById.containsKey(genre.family()), where + " names unknown family " + genre.family());
        check(genre.weekdays().size() == 7, where + " needs 7 weekday weights");
        check(genre.priceKr().size() == 2 && genre.priceKr().get(0) <= genre.priceKr().get(1), where + " needs [min, max] prices");
        check(genre.phrases().size() >= 4, where + " needs at least 4 phrases");
        check(!genre.motifs().isEmpty() && !genre.starts().isEmpty() && !genre.lineup().isEmpty(), where + " needs motifs, starts and a lineup");
        genre.halls().keySet().forEach(this::hall);
        for (PerformerSpec performer : genre.performers()) {
            check(ROLES.contains(performer.role()), where + ": performer " + performer.name() + " has unknown role " + performer.role());
        }
        for (String slot : genre.lineup()) {
            for (String role : slot.replace("?", "").split("\\|")) {
                check(genre.performers().stream().anyMatch(p -> p.role().equals(role)) || slot.endsWith("?")
                        || slot.contains("|"), where + ": no performer for lineup role " + role);
            }
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
