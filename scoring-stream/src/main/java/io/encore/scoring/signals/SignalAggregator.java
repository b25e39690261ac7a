package io.encore.scoring.signals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.avro.SignalEvent;
import io.encore.scoring.topology.ScoringNames;

/**
 * Folds signal events into the shared signals, partitioned by signal key, and publishes each changed signal
 * to the compacted signals topic that every instance reads as a global store.
 *
 * <ul>
 *   <li>PURCHASE (key {@code c:<concert>}): decayed sales, overall and per behaviour group.</li>
 *   <li>CO_PURCHASE: decayed co-purchases with the partner concert, the {@value #MAX_NEIGHBOURS} strongest kept.</li>
 *   <li>TWIN_PURCHASE (key {@code b:<bucket>}): what guests of a taste bucket bought, the
 *       {@value #MAX_BUCKET_CONCERTS} strongest kept.</li>
 *   <li>TRIAL and REWARD (key {@code a:<channel>|<group>}): Beta posteriors per arm. An exposure (a guest's
 *       lists on a channel under one arm for the exposure window) is one trial (β + 1); its strongest feedback
 *       within the attribution window is its reward r (α + r, β − r), so an exposure counts once even when a
 *       click is followed by a purchase, or several of its lists are answered.</li>
 * </ul>
 */
public final class SignalAggregator implements Processor<String, SignalEvent, String, SharedSignal> {

    static final int MAX_NEIGHBOURS = 50;
    static final int MAX_BUCKET_CONCERTS = 200;

    private final Duration attributionWindow;
    private ProcessorContext<String, SharedSignal> context;
    private KeyValueStore<String, SharedSignal> signals;
    private TimestampedKeyValueStore<String, Double> rewarded;

    public SignalAggregator(Duration attributionWindow) {
        this.attributionWindow = attributionWindow;
    }

    @Override
    public void init(ProcessorContext<String, SharedSignal> context) {
        this.context = context;
        signals = context.getStateStore(ScoringNames.STORE_SIGNALS);
        rewarded = context.getStateStore(ScoringNames.STORE_REWARDED);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldRewards);
    }

    @Override
    public void process(Record<String, SignalEvent> record) {
        SignalEvent event = record.value();
        if (event == null || record.key() == null) {
            return;
        }
        SharedSignal signal = current(record.key());
        boolean changed = switch (event.getType()) {
            case PURCHASE -> purchase(signal, event);
            case CO_PURCHASE -> coPurchase(signal, event);
            case TWIN_PURCHASE -> twinPurchase(signal, event);
            case TRIAL -> trial(signal, event);
            case REWARD -> reward(signal, event, record.timestamp());
            case UNKNOWN -> false;
        };
        if (changed) {
            signals.put(record.key(), signal);
            context.forward(new Record<>(record.key(), signal, record.timestamp()));
        }
    }

    private SharedSignal current(String key) {
        SharedSignal stored = signals.get(key);
        if (stored == null) {
            return SharedSignal.newBuilder().setGroupVelocity(new HashMap<>()).setNeighbours(new HashMap<>())
                    .setPurchases(new HashMap<>()).setArms(new HashMap<>()).build();
        }
        stored.setGroupVelocity(new HashMap<>(stored.getGroupVelocity()));
        stored.setNeighbours(new HashMap<>(stored.getNeighbours()));
        stored.setPurchases(new HashMap<>(stored.getPurchases()));
        stored.setArms(new HashMap<>(stored.getArms()));
        return stored;
    }

    /** Moves the anchor forward to {@code at}, decaying every sum with its own half-life. */
    private static void anchor(SharedSignal signal, long at) {
        if (signal.getAnchorAt() == 0) {
            signal.setAnchorAt(at);
            return;
        }
        if (at <= signal.getAnchorAt()) {
            return;
        }
        long from = signal.getAnchorAt();
        double trending = Decay.factor(from, at, Decay.TRENDING);
        signal.setVelocity(signal.getVelocity() * trending);
        signal.getGroupVelocity().replaceAll((group, v) -> v * trending);
        double coPurchase = Decay.factor(from, at, Decay.CO_PURCHASE);
        signal.getNeighbours().replaceAll((concert, v) -> v * coPurchase);
        double twins = Decay.factor(from, at, Decay.TWINS);
        signal.getPurchases().replaceAll((concert, v) -> v * twins);
        signal.setAnchorAt(at);
    }

    private static boolean purchase(SharedSignal signal, SignalEvent event) {
        anchor(signal, event.getAt());
        double added = event.getWeight() * Decay.factor(event.getAt(), signal.getAnchorAt(), Decay.TRENDING);
        signal.setVelocity(signal.getVelocity() + added);
        if (event.getGroup() != null) {
            signal.getGroupVelocity().merge(event.getGroup(), added, Double::sum);
        }
        return true;
    }

    private static boolean coPurchase(SharedSignal signal, SignalEvent event) {
        anchor(signal, event.getAt());
        double added = Decay.factor(event.getAt(), signal.getAnchorAt(), Decay.CO_PURCHASE);
        signal.getNeighbours().merge(event.getPartner(), added, Double::sum);
        signal.setNeighbours(strongest(signal.getNeighbours(), MAX_NEIGHBOURS));
        return true;
    }

    private static boolean twinPurchase(SharedSignal signal, SignalEvent event) {
        anchor(signal, event.getAt());
        double added = Decay.factor(event.getAt(), signal.getAnchorAt(), Decay.TWINS);
        signal.getPurchases().merge(event.getConcertId(), added, Double::sum);
        signal.setPurchases(strongest(signal.getPurchases(), MAX_BUCKET_CONCERTS));
        return true;
    }

    private static boolean trial(SharedSignal signal, SignalEvent event) {
        ArmState arm = signal.getArms().computeIfAbsent(event.getArm(), a -> new ArmState(1.0, 1.0, 0L));
        signal.getArms().put(event.getArm(), new ArmState(arm.getAlpha(), arm.getBeta() + 1, arm.getSelections() + 1));
        return true;
    }

    private boolean reward(SharedSignal signal, SignalEvent event, long timestamp) {
        ValueAndTimestamp<Double> given = rewarded.get(event.getRecommendationId());
        double before = given == null ? 0 : given.value();
        double increment = event.getReward() - before;
        if (increment <= 0) {
            return false;
        }
        rewarded.put(event.getRecommendationId(), ValueAndTimestamp.make(event.getReward(), timestamp));
        ArmState arm = signal.getArms().computeIfAbsent(event.getArm(), a -> new ArmState(1.0, 1.0, 0L));
        double beta = Math.max(1.0, arm.getBeta() - increment); // the trial may not have arrived yet
        signal.getArms().put(event.getArm(), new ArmState(arm.getAlpha() + increment, beta, arm.getSelections()));
        return true;
    }

    private void forgetOldRewards(long now) {
        long before = now - 2 * attributionWindow.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Double>> all = rewarded.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.timestamp() < before) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(rewarded::delete);
    }

    private static Map<String, Double> strongest(Map<String, Double> values, int limit) {
        if (values.size() <= limit) {
            return values;
        }
        Map<String, Double> kept = new HashMap<>();
        values.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(limit).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
