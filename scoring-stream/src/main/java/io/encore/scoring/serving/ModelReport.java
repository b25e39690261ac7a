package io.encore.scoring.serving;

import java.util.Map;
import java.util.TreeMap;

import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.bandit.UpliftEstimate;
import io.encore.scoring.processor.ScoringProcessor;
import io.encore.scoring.signals.SignalKeys;

/**
 * What the bandits have learned, from the shared posteriors (keys {@code a:<CHANNEL>|<group>}): each arm's
 * Beta posterior per channel and behaviour group, and per channel whether personalisation pays — the lists of
 * every model arm together against the holdout's {@code control} lists.
 *
 * <p>A list is one trial (β + 1) and its reward r moves α + r, β − r, both from a Beta(1, 1) prior; so an
 * arm's trials are its selections and its conversions are {@code α − 1}, a click counting as its click reward
 * (0.3 by default), summed over groups and rounded.
 *
 * @param channels per channel name, sorted
 */
public record ModelReport(Map<String, ChannelModels> channels) {

    /** Arms of campaign e-mails ({@code campaign-newsletter}…): credited by clicks, outside the uplift. */
    static final String CAMPAIGN_ARM_PREFIX = "campaign-";

    /**
     * @param groups  behaviour group → arm → posterior, sorted
     * @param holdout treated against control over all groups
     */
    public record ChannelModels(Map<String, Map<String, ArmStats>> groups, HoldoutUplift holdout) {
    }

    /** @param mean the posterior mean {@code α / (α + β)}: the expected reward of one of the arm's lists */
    public record ArmStats(double alpha, double beta, double mean, long selections) {

        static ArmStats of(ArmState arm) {
            return new ArmStats(arm.getAlpha(), arm.getBeta(), arm.getAlpha() / (arm.getAlpha() + arm.getBeta()),
                    arm.getSelections());
        }
    }

    /** @param uplift null until both groups have at least one trial */
    public record HoldoutUplift(Trials treated, Trials control, Uplift uplift) {
    }

    /**
     * @param trials      lists shown
     * @param conversions rewards earned by them, at most {@code trials}
     */
    public record Trials(long trials, long conversions) {
    }

    /**
     * {@link UpliftEstimate} as the API shows it.
     *
     * @param significant   the 95% interval [lower, upper] excludes zero
     * @param hasEnoughData at least 10 conversions and 10 non-conversions per group; report nothing before
     */
    public record Uplift(double treatedRate, double controlRate, double uplift, double lower, double upper,
                         boolean significant, boolean hasEnoughData) {

        static Uplift of(UpliftEstimate estimate) {
            return new Uplift(estimate.treatedRate(), estimate.controlRate(), estimate.uplift(), estimate.lower(),
                    estimate.upper(), estimate.isSignificant(), estimate.hasEnoughData());
        }
    }

    /** The report over every signal whose key is a bandit's; other keys are skipped. */
    public static ModelReport of(Map<String, SharedSignal> signals) {
        Map<String, ChannelSums> channels = new TreeMap<>();
        signals.forEach((key, signal) -> {
            int bar = key.indexOf('|');
            if (key.startsWith(SignalKeys.BANDIT_PREFIX) && bar > SignalKeys.BANDIT_PREFIX.length() && signal != null) {
                channels.computeIfAbsent(key.substring(SignalKeys.BANDIT_PREFIX.length(), bar), c -> new ChannelSums())
                        .add(key.substring(bar + 1), signal.getArms());
            }
        });
        Map<String, ChannelModels> report = new TreeMap<>();
        channels.forEach((name, channel) -> report.put(name, channel.report()));
        return new ModelReport(report);
    }

    /** One channel's sums while the report is built. */
    private static final class ChannelSums {

        private final Map<String, Map<String, ArmStats>> groups = new TreeMap<>();
        private long treatedTrials;
        private double treatedRewards;
        private long controlTrials;
        private double controlRewards;

        void add(String group, Map<String, ArmState> arms) {
            Map<String, ArmStats> stats = groups.computeIfAbsent(group, g -> new TreeMap<>());
            arms.forEach((name, arm) -> {
                stats.put(name, ArmStats.of(arm));
                double rewards = Math.max(0.0, arm.getAlpha() - 1.0); // α starts at the prior's 1
                if (ScoringProcessor.CONTROL_ARM.equals(name)) {
                    controlTrials += arm.getSelections();
                    controlRewards += rewards;
                } else if (!ScoringProcessor.UNPERSONALIZED_ARM.equals(name) && !name.startsWith(CAMPAIGN_ARM_PREFIX)) {
                    // guests without profiling consent, and campaign e-mails (chosen by relevance, not by the
                    // bandit), are neither group
                    treatedTrials += arm.getSelections();
                    treatedRewards += rewards;
                }
            });
        }

        ChannelModels report() {
            Trials treated = trials(treatedTrials, treatedRewards);
            Trials control = trials(controlTrials, controlRewards);
            Uplift uplift = treated.trials() > 0 && control.trials() > 0
                    ? Uplift.of(UpliftEstimate.of(new UpliftEstimate.Counts(treated.trials(), treated.conversions()),
                            new UpliftEstimate.Counts(control.trials(), control.conversions())))
                    : null;
            return new ChannelModels(groups, new HoldoutUplift(treated, control, uplift));
        }

        /** A reward can arrive before its trial is counted, so conversions are capped at the trials. */
        private static Trials trials(long trials, double rewards) {
            return new Trials(trials, Math.min(trials, Math.round(rewards)));
        }
    }
}
