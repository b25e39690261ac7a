package io.encore.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.encore.evaluation.Evaluation;
import io.encore.evaluation.EvaluationRun;
import io.encore.evaluation.InputException;
import io.encore.evaluation.Report;

/**
 * {@code ./encore evaluate}: offline quality against baselines (docs/quality.md). Interactions from two CSV
 * files, or from the simulator, are replayed in time order through the real profile-stream and scoring-stream
 * topologies; Encore and the baselines are measured on the same split. No broker is needed.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure Encore offline against baselines (most popular, genre segments, item-kNN): HR@k, NDCG@k, "
                + "catalogue coverage and novelty, by leave-last-one-out (default) or a temporal split (--cutoff). "
                + "The interactions are replayed in time order through the real profile-stream and scoring-stream "
                + "topologies; no broker is needed. With --simulated the data comes from the simulator, whose hidden "
                + "tastes also give each method's simulated click and purchase rates. See docs/quality.md."})
final class EvaluateCommand implements Callable<Integer> {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(m|h|d)");

    @Option(names = "--items", paramLabel = "FILE",
            description = "Items CSV: itemId,title,tags[,description][,startTime][,saleStart][,language][,performers].")
    Path items;

    @Option(names = "--interactions", paramLabel = "FILE",
            description = "Interactions CSV: guestId,itemId,timestamp (epoch seconds)[,type][,value].")
    Path interactions;

    @Option(names = "--language", defaultValue = "en",
            description = "Language of items without a language column (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--simulated", description = "Generate items and interactions with the simulator instead of reading files.")
    boolean simulated;

    @Option(names = "--seed", defaultValue = "42", description = "--simulated: seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--guests", defaultValue = "2000", description = "--simulated: guests (default: ${DEFAULT-VALUE}).")
    int guests;

    @Option(names = "--concerts", defaultValue = "420", description = "--simulated: concerts per season (default: ${DEFAULT-VALUE}).")
    int concerts;

    @Option(names = "--history-years", defaultValue = "2",
            description = "--simulated: years of ticket history (default: ${DEFAULT-VALUE}).")
    int historyYears;

    @Option(names = "--start-date", defaultValue = "2026-08-01",
            description = "--simulated: the day the history ends, yyyy-MM-dd (default: ${DEFAULT-VALUE}, fixed so runs repeat).")
    LocalDate startDate;

    @Option(names = "--cutoff", paramLabel = "TIME",
            description = "Temporal split: train before TIME, test from it (yyyy-MM-dd, an ISO instant or epoch seconds). "
                    + "Default: leave-last-one-out.")
    String cutoff;

    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "List length measured (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--min-history", defaultValue = "1",
            description = "Training interactions a guest needs to be ranked for (default: ${DEFAULT-VALUE}).")
    int minHistory;

    @Option(names = "--exposure-window", defaultValue = "1d",
            description = "scoring-stream's exposure window during the replay: 30m, 12h, 1d or ISO-8601 (default: ${DEFAULT-VALUE}).")
    String exposureWindow;

    @Option(names = "--exploration", defaultValue = "0.1",
            description = "scoring-stream's exploration share during the replay (default: ${DEFAULT-VALUE}, production's).")
    double exploration;

    @Option(names = "--no-replay-rewards", negatable = false,
            description = "Do not credit a training interaction to the guest's list that showed its item (the bandit then learns nothing).")
    boolean noReplayRewards;

    @Option(names = "--out", defaultValue = "evaluation.json", paramLabel = "FILE",
            description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work-dir", defaultValue = ".encore/evaluate", paramLabel = "DIR",
            description = "Where the replay keeps its state stores while it runs; deleted after (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EvaluationRun.Options options = options();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Evaluating " + (simulated ? String.format(Locale.ROOT,
                "a simulated hall (seed %d, %,d guests, %d years of history)", seed, guests, historyYears)
                : items + " and " + interactions) + ", " + (cutoff == null ? "leave-last-one-out" : "temporal split at " + cutoff)
                + ", k = " + k);
        out.flush();
        ConsoleProgress bar = new ConsoleProgress(out, System.console() != null);
        Report report;
        try {
            report = EvaluationRun.run(options, workDir,
                    progress -> bar.show(progress.fraction(), progress.done() >= progress.total(), progressLine(progress)));
        } catch (InputException e) {
            bar.end();
            out.println("✘ " + e.getMessage());
            out.flush();
            return 1;
        }
        bar.end();
        report.write(this.out);
        out.printf(Locale.ROOT, "%,d test cases, %,d training interactions, %,d eligible items; %.1f s%n",
                ((Number) report.data().get("testCases")).longValue(),
                ((Number) report.data().get("trainingInteractions")).longValue(),
                ((Number) report.data().get("eligibleItems")).longValue(), report.elapsedSeconds());
        out.print(report.table());
        out.println("Result: " + this.out.toAbsolutePath());
        out.flush();
        return 0;
    }

    /** The options as the run takes them; a usage error (exit 2) names the option that cannot be used. */
    EvaluationRun.Options options() {
        if (simulated == (items != null || interactions != null)) {
            throw usage("give either --simulated or both --items and --interactions");
        }
        if (!simulated && (items == null || interactions == null)) {
            throw usage("--items and --interactions go together");
        }
        if (k < 1) {
            throw usage("-k must be at least 1, got " + k);
        }
        if (minHistory < 0) {
            throw usage("--min-history must be 0 or more, got " + minHistory);
        }
        if (!(exploration >= 0 && exploration < 1)) {
            throw usage("--exploration must be in [0, 1), got " + exploration);
        }
        if (simulated && (guests < 1 || concerts < 1 || historyYears < 1)) {
            throw usage("--guests, --concerts and --history-years must be at least 1");
        }
        EvaluationRun.Source source = simulated
                ? new EvaluationRun.Simulated(seed, guests, concerts, startDate, historyYears)
                : new EvaluationRun.CsvFiles(items, interactions, language);
        return new EvaluationRun.Options(source, cutoff == null ? null : instant(cutoff), k, minHistory,
                duration(exposureWindow), exploration, !noReplayRewards);
    }

    private Instant instant(String text) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException notSeconds) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                        : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw usage("--cutoff '" + text + "' is not yyyy-MM-dd, an ISO-8601 instant or epoch seconds");
            }
        }
    }

    private Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw usage("--exposure-window '" + text + "' is not like 30m, 12h, 1d or PT1H");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw usage("--exposure-window must be positive, got " + text);
        }
        return d;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** One progress line of an evaluation: steps done of all, the time so far and the time left. */
    static String progressLine(Evaluation.Progress progress) {
        return String.format(Locale.ROOT, "  %s  %,d/%,d steps  %s%s", ConsoleProgress.bar(progress.fraction()),
                progress.done(), progress.total(), ConsoleProgress.clock(progress.elapsed()),
                ConsoleProgress.eta(progress.fraction(), progress.elapsed()));
    }
}
