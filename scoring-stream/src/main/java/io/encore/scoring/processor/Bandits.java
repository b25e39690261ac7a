package io.encore.scoring.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.BanditState;
import io.encore.scoring.bandit.BanditSnapshot;
import io.encore.scoring.bandit.ThompsonBandit;

/**
 * The task's bandits, one per {@code channel|behaviour group}, kept in a state store so learning survives
 * restarts. Arms are the model names of the current release: a new model starts at the prior, a retired one
 * is dropped.
 */
final class Bandits {

    private final KeyValueStore<String, BanditState> store;
    private final List<String> arms;
    private final Map<String, ThompsonBandit> loaded = new HashMap<>();

    Bandits(KeyValueStore<String, BanditState> store, List<String> arms) {
        this.store = store;
        this.arms = List.copyOf(arms);
    }

    ThompsonBandit get(String context) {
        return loaded.computeIfAbsent(context, this::load);
    }

    /** Writes a bandit back after a choice or a reward. */
    void save(String context) {
        BanditSnapshot snapshot = get(context).snapshot();
        Map<String, ArmState> states = new HashMap<>();
        snapshot.arms().forEach((arm, s) -> states.put(arm, new ArmState(s.alpha(), s.beta(), s.selections())));
        store.put(context, new BanditState(states));
    }

    private ThompsonBandit load(String context) {
        BanditState stored = store.get(context);
        if (stored == null) {
            return new ThompsonBandit(arms);
        }
        TreeMap<String, BanditSnapshot.Arm> snapshot = new TreeMap<>();
        stored.getArms().forEach((arm, s) -> snapshot.put(arm, new BanditSnapshot.Arm(s.getAlpha(), s.getBeta(),
                s.getSelections())));
        return ThompsonBandit.fromSnapshot(new BanditSnapshot(snapshot), arms, ThompsonBandit.NO_DISCOUNT,
                ThompsonBandit.DEFAULT_PROPENSITY_DRAWS);
    }
}
