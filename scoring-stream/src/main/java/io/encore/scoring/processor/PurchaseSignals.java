package io.encore.scoring.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.schemas.avro.GuestProfile;
import io.encore.scoring.avro.SignalEvent;
import io.encore.scoring.avro.SignalType;
import io.encore.scoring.signals.SignalKeys;
import io.encore.scoring.signals.TasteBuckets;
import io.encore.scoring.topology.ScoringNames;

/**
 * Turns the concerts a profile newly holds tickets for into signal contributions: a PURCHASE for the concert's
 * sales velocity (overall and for the buyer's behaviour group), CO_PURCHASEs both ways with each concert the
 * guest already held (at most {@value #MAX_PARTNERS}), and a TWIN_PURCHASE for the buyer's taste bucket.
 * Purchases are read from profiles rather than from ticket-sales because only the profile knows the buyer's
 * canonical id, history, group and taste. A profile seen for the first time contributes all its purchases
 * (a new buyer); a merge republishes the survivor with the merged guest's purchases, which then count again —
 * a small over-count accepted for the sake of counting every new buyer.
 */
final class PurchaseSignals {

    static final int MAX_PARTNERS = 20;

    private PurchaseSignals() {
    }

    static void emit(ProcessorContext<String, SpecificRecord> context, TasteBuckets buckets, GuestProfile previous,
                     GuestProfile current, long timestamp) {
        List<String> held = previous == null ? List.of() : previous.getPurchasedConcertIds();
        Set<String> before = new HashSet<>(held);
        List<String> bought = new ArrayList<>();
        for (String concert : current.getPurchasedConcertIds()) {
            if (!before.contains(concert)) {
                bought.add(concert);
            }
        }
        if (bought.isEmpty()) {
            return;
        }
        long at = current.getLastEventAt() == null ? timestamp : current.getLastEventAt().toEpochMilli();
        List<String> partners = held.subList(Math.max(0, held.size() - MAX_PARTNERS), held.size());
        int bucket = buckets.bucket(floats(current.getTasteVector()));
        for (String concert : bought) {
            send(context, SignalKeys.concert(concert), SignalEvent.newBuilder().setType(SignalType.PURCHASE)
                    .setConcertId(concert).setGroup(current.getBehaviourGroup()).setAt(at).build(), timestamp);
            for (String partner : partners) {
                send(context, SignalKeys.concert(concert), coPurchase(concert, partner, at), timestamp);
                send(context, SignalKeys.concert(partner), coPurchase(partner, concert, at), timestamp);
            }
            if (bucket >= 0) {
                send(context, TasteBuckets.key(bucket), SignalEvent.newBuilder().setType(SignalType.TWIN_PURCHASE)
                        .setConcertId(concert).setAt(at).build(), timestamp);
            }
        }
    }

    private static SignalEvent coPurchase(String concert, String partner, long at) {
        return SignalEvent.newBuilder().setType(SignalType.CO_PURCHASE).setConcertId(concert).setPartner(partner)
                .setAt(at).build();
    }

    private static void send(ProcessorContext<String, SpecificRecord> context, String key, SignalEvent event,
                             long timestamp) {
        context.forward(new Record<String, SpecificRecord>(key, event, timestamp), ScoringNames.SINK_SIGNAL_EVENTS);
    }

    private static float[] floats(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
