package io.encore.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One {@code ./encore evaluate} run from its options: read or simulate the data, split it, replay it through
 * Encore and the baselines, and report.
 */
public final class EvaluationRun {

    private EvaluationRun() {
    }

    /** Where the data comes from: two files, or the simulator. */
    public sealed interface Source permits CsvFiles, Simulated {
    }

    /** The items and interactions files; items without a language column are in {@code language}. */
    public record CsvFiles(Path items, Path interactions, String language) implements Source {
    }

    public record Simulated(long seed, int guests, int concerts, LocalDate startDate, int years) implements Source {
    }

    /**
     * @param cutoff        the temporal split's cutoff, or null for leave-last-one-out
     * @param minHistory    training interactions a guest needs to be ranked for
     */
    public record Options(Source source, Instant cutoff, int k, int minHistory, Duration exposureWindow,
                          double exploration, boolean replayRewards) {
    }

    public static Report run(Options options, Path workDir, Consumer<Evaluation.Progress> progress) {
        Dataset data;
        Optional<Truth> truth;
        if (options.source() instanceof Simulated sim) {
            SimulatedHall hall = new SimulatedHall(sim.seed(), sim.guests(), sim.concerts(), sim.startDate(), sim.years());
            data = hall.dataset();
            truth = Optional.of(hall);
        } else {
            CsvFiles files = (CsvFiles) options.source();
            data = CsvInputs.read(files.items(), files.interactions(), files.language());
            truth = Optional.empty();
        }
        Split split = options.cutoff() == null ? Split.leaveLastOut(data, options.minHistory())
                : Split.temporal(data, options.cutoff(), options.minHistory());
        if (split.cases().isEmpty()) {
            throw new InputException("no guest can be evaluated: " + split.skippedNoHistory()
                    + " have fewer than " + options.minHistory() + " training interactions, " + split.skippedIneligible()
                    + " held out only items already met or already started");
        }
        // the catalogue is published and settles (two of profile-stream's refresh ticks) before the first interaction
        Instant start = data.interactions().get(0).at().minus(EncoreReplay.CATALOGUE_REFRESH.multipliedBy(2))
                .minus(Duration.ofDays(1));
        Path stateRoot = createStateRoot(workDir);
        History history = new History();
        List<Recommender> recommenders = new ArrayList<>();
        try {
            EncoreReplay encore = new EncoreReplay(new EncoreReplay.Settings(options.k(), options.exposureWindow(),
                    options.exploration(), options.replayRewards()), stateRoot, start);
            recommenders.add(encore);
            encore.loadCatalogue(data.items().values());
            recommenders.add(new Baselines.ItemKnn(history));
            recommenders.add(new Baselines.MostPopular(history));
            recommenders.add(new Baselines.GenreSegment(history, data.items()));
            Evaluation.Outcome outcome = Evaluation.run(data, split, history, recommenders, options.k(), truth,
                    progress);
            return Report.of(options, data, split, outcome);
        } finally {
            for (int i = recommenders.size() - 1; i >= 0; i--) {
                recommenders.get(i).close();
            }
            delete(stateRoot);
        }
    }

    private static Path createStateRoot(Path workDir) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "evaluate-state-");
        } catch (IOException e) {
            throw new InputException("cannot create a state directory under " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }
}
