package io.encore.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The harness: one pass over the training interactions in time order, stopping at each test case to ask every
 * method for its list over the same eligible items, then the metrics. Every method sees the same interactions
 * in the same order and nothing after the case's time; none sees a held-out interaction.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** How far the replay has come: steps are training interactions plus test cases. */
    public record Progress(long done, long total, Duration elapsed) {
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }
    }

    /** What the run measured, per method in table order. */
    public record Outcome(Map<String, MethodScores.Result> methods, long eligibleItems, long trainingGuests,
                          long encoreDeadLetters, long encoreRewards, Map<String, Long> encoreArms, Duration elapsed) {
    }

    /**
     * @param history empty; the harness records each training interaction in it before the recommenders observe
     *                it, so baselines built on it see the same past
     */
    public static Outcome run(Dataset data, Split split, History history, List<Recommender> recommenders, int k,
                              Optional<Truth> truth, Consumer<Progress> progress) {
        long started = System.nanoTime();
        Map<String, MethodScores> scores = new LinkedHashMap<>();
        recommenders.forEach(r -> r.methods().forEach(method -> scores.put(method, new MethodScores(k))));
        List<Item> byStart = data.items().values().stream()
                .sorted(Comparator.comparing(item -> item.startTime() == null ? Instant.MAX : item.startTime())).toList();
        Set<String> everEligible = new HashSet<>();
        List<Interaction> training = split.training();
        List<TestCase> cases = split.cases();
        long total = training.size() + cases.size();
        int t = 0;
        int c = 0;
        long reportEvery = Math.max(1, total / 200);
        while (t < training.size() || c < cases.size()) {
            // a case is ranked before the training interactions of its own instant: it may not see them
            if (c < cases.size() && (t == training.size() || !training.get(t).at().isBefore(cases.get(c).at()))) {
                TestCase testCase = cases.get(c++);
                List<Item> eligible = eligible(byStart, testCase, history);
                eligible.forEach(item -> everEligible.add(item.id()));
                measure(testCase, eligible, history, recommenders, k, truth, scores);
            } else {
                Interaction interaction = training.get(t++);
                boolean first = history.add(interaction);
                recommenders.forEach(r -> r.observe(interaction, first));
            }
            long done = t + c;
            if (done % reportEvery == 0 || done == total) {
                progress.accept(new Progress(done, total, Duration.ofNanos(System.nanoTime() - started)));
            }
        }
        Map<String, MethodScores.Result> results = new LinkedHashMap<>();
        scores.forEach((method, s) -> results.put(method, s.result(everEligible.size())));
        EncoreReplay encore = recommenders.stream().filter(EncoreReplay.class::isInstance).map(EncoreReplay.class::cast)
                .findFirst().orElse(null);
        return new Outcome(results, everEligible.size(), history.guestCount(),
                encore == null ? 0 : encore.deadLetters(), encore == null ? 0 : encore.rewarded(),
                encore == null ? Map.of() : new java.util.TreeMap<>(encore.arms()),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every method's list for one case, cut to the eligible items and k, scored against the held-out items. */
    private static void measure(TestCase testCase, List<Item> eligible, History history, List<Recommender> recommenders,
                                int k, Optional<Truth> truth, Map<String, MethodScores> scores) {
        Set<String> ids = new HashSet<>();
        eligible.forEach(item -> ids.add(item.id()));
        for (Recommender recommender : recommenders) {
            recommender.recommend(testCase, eligible, k).forEach((method, list) -> {
                List<String> offered = list.stream().filter(ids::contains).distinct().limit(k).toList();
                MethodScores measured = scores.get(method);
                measured.add(offered, testCase.relevant(), history::guests, history.guestCount());
                truth.ifPresent(tr -> {
                    Truth.Response r = tr.respond(testCase.guestId(), testCase.at(), offered);
                    measured.addResponse(r.clicks(), r.purchases(), r.items());
                });
            });
        }
    }

    /** Items on sale and upcoming at the case's time that the guest has not met, soonest first. */
    static List<Item> eligible(List<Item> byStart, TestCase testCase, History history) {
        Set<String> met = history.items(testCase.guestId());
        List<Item> eligible = new ArrayList<>();
        for (Item item : byStart) {
            if (item.offeredAt(testCase.at()) && !met.contains(item.id())) {
                eligible.add(item);
            }
        }
        return eligible;
    }
}
