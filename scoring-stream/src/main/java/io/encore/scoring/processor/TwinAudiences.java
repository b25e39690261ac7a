package io.encore.scoring.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.encore.schemas.avro.GuestProfile;
import io.encore.scoring.avro.AudienceCandidate;
import io.encore.scoring.catalogue.Catalogue;
import io.encore.scoring.model.Signals;
import io.encore.scoring.topology.ScoringNames;

/**
 * Look-alike audience members: a guest with ad consent joins the audiences of the {@value #TWIN_CONCERTS}
 * eligible concerts most bought by guests of the same taste bucket (its twins), flagged {@code lookalike},
 * with half the weight of a list member (score 0.5 × the twins' purchases relative to their most bought), so
 * an ad platform gets the concert's likely buyers first and their look-alikes after. Kept per guest so a
 * concert the twins stop buying, or a withdrawn consent, takes the guest out again.
 */
final class TwinAudiences {

    static final int TWIN_CONCERTS = 3;
    static final double TWIN_WEIGHT = 0.5;

    private final KeyValueStore<String, String> twins;
    private final Signals.TwinPurchases signals;

    TwinAudiences(KeyValueStore<String, String> twins, Signals.TwinPurchases signals) {
        this.twins = twins;
        this.signals = signals;
    }

    /** Re-evaluates the guest's look-alike memberships; {@code eligible} null means none (consent withdrawn). */
    void update(ProcessorContext<String, SpecificRecord> context, GuestProfile profile, float[] taste,
                Catalogue catalogue, BitSet eligible, long timestamp) {
        List<String> before = stored(profile.getGuestId());
        Map<String, Float> bought = eligible == null ? Map.of() : signals.near(taste);
        float most = (float) bought.values().stream().mapToDouble(Float::doubleValue).max().orElse(0);
        List<Map.Entry<String, Float>> chosen = bought.entrySet().stream()
                .filter(e -> catalogue.indexOf(e.getKey()) >= 0 && eligible.get(catalogue.indexOf(e.getKey())))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Float> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(TWIN_CONCERTS).toList();
        Set<String> now = new HashSet<>();
        for (Map.Entry<String, Float> concert : chosen) {
            now.add(concert.getKey());
            send(context, AudienceCandidate.newBuilder().setGuestId(profile.getGuestId()).setConcertId(concert.getKey())
                    .setScore(most > 0 ? TWIN_WEIGHT * concert.getValue() / most : 0).setLookalike(true)
                    .setMatchKeys(Memberships.hashedKeys(profile)).build(), timestamp);
        }
        for (String concert : before) {
            if (!now.contains(concert)) {
                send(context, AudienceCandidate.newBuilder().setGuestId(profile.getGuestId()).setConcertId(concert)
                        .setRemoved(true).build(), timestamp);
            }
        }
        if (now.isEmpty()) {
            twins.delete(profile.getGuestId());
        } else {
            twins.put(profile.getGuestId(), String.join("\n", new ArrayList<>(now)));
        }
    }

    private List<String> stored(String guestId) {
        String value = twins.get(guestId);
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }

    private static void send(ProcessorContext<String, SpecificRecord> context, AudienceCandidate candidate,
                             long timestamp) {
        context.forward(new Record<String, SpecificRecord>(candidate.getConcertId(), candidate, timestamp),
                ScoringNames.SINK_AUDIENCE_CANDIDATES);
    }
}
