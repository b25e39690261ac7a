package io.encore.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What one run found, as the JSON result file and the table on screen. */
public record Report(Map<String, Object> settings, Map<String, Object> data, Map<String, MethodScores.Result> methods,
                     Map<String, Map<String, Double>> uplift, Map<String, Object> encore, double elapsedSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Report of(EvaluationRun.Options options, Dataset dataset, Split split, Evaluation.Outcome outcome) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (options.source() instanceof EvaluationRun.Simulated sim) {
            settings.put("source", "simulated");
            settings.put("seed", sim.seed());
            settings.put("guests", sim.guests());
            settings.put("concertsPerSeason", sim.concerts());
            settings.put("startDate", sim.startDate().toString());
            settings.put("historyYears", sim.years());
        } else {
            EvaluationRun.CsvFiles files = (EvaluationRun.CsvFiles) options.source();
            settings.put("source", "csv");
            settings.put("items", files.items().toString());
            settings.put("interactions", files.interactions().toString());
        }
        settings.put("protocol", split.protocol());
        settings.put("cutoff", options.cutoff() == null ? null : options.cutoff().toString());
        settings.put("k", options.k());
        settings.put("minHistory", options.minHistory());
        settings.put("exposureWindow", options.exposureWindow().toString());
        settings.put("exploration", options.exploration());
        settings.put("replayRewards", options.replayRewards());

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("items", dataset.items().size());
        data.put("interactions", dataset.interactions().size());
        data.put("guests", dataset.guests());
        data.put("trainingInteractions", split.training().size());
        data.put("testCases", split.cases().size());
        data.put("skippedTooLittleHistory", split.skippedNoHistory());
        data.put("skippedHeldOutIneligible", split.skippedIneligible());
        data.put("eligibleItems", outcome.eligibleItems());

        Map<String, Map<String, Double>> uplift = new LinkedHashMap<>();
        MethodScores.Result encore = outcome.methods().get(EncoreReplay.ENCORE);
        for (String baseline : new String[] {Baselines.GENRE_SEGMENT, Baselines.POPULAR}) {
            MethodScores.Result other = outcome.methods().get(baseline);
            if (encore != null && other != null && encore.clickRate() != null && other.clickRate() != null) {
                Map<String, Double> u = new LinkedHashMap<>();
                u.put("clickRate", ratio(encore.clickRate(), other.clickRate()));
                u.put("purchaseRate", ratio(encore.purchaseRate(), other.purchaseRate()));
                uplift.put(EncoreReplay.ENCORE + " vs " + baseline, u);
            }
        }
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("deadLetters", outcome.encoreDeadLetters());
        replay.put("rewardedInteractions", outcome.encoreRewards());
        replay.put("armsOfTestLists", outcome.encoreArms());
        return new Report(settings, data, outcome.methods(), uplift, replay, outcome.elapsed().toMillis() / 1000.0);
    }

    /** Relative uplift: a / b − 1 (0.25 = 25 % more); null when b is 0. */
    private static Double ratio(double a, double b) {
        return b == 0 ? null : a / b - 1;
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods side by side, the simulated rates when there are any, and the uplift. */
    public String table() {
        int k = (Integer) settings.get("k");
        boolean simulated = methods.values().stream().anyMatch(r -> r.clickRate() != null);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %-28s %8s %8s %9s %8s %7s", "method", "HR@" + k, "NDCG@" + k,
                "coverage", "novelty", "cases"));
        if (simulated) {
            out.append(String.format(Locale.ROOT, " %11s %14s", "click rate", "purchases/row"));
        }
        out.append('\n');
        methods.forEach((method, r) -> {
            out.append(String.format(Locale.ROOT, "  %-28s %8.4f %8.4f %9.3f %8.2f %7d", method, r.hitRate(), r.ndcg(),
                    r.coverage(), r.novelty(), r.cases()));
            if (simulated) {
                out.append(String.format(Locale.ROOT, " %10.2f%% %14.5f", 100 * r.clickRate(), r.purchaseRate()));
            }
            out.append('\n');
        });
        uplift.forEach((pair, u) -> out.append(String.format(Locale.ROOT, "  uplift %s: clicks %s, purchases %s%n",
                pair, percent(u.get("clickRate")), percent(u.get("purchaseRate")))));
        return out.toString();
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * value);
    }
}
