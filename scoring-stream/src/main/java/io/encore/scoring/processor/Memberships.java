package io.encore.scoring.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.RecommendationItem;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.topic.GuestKeys;
import io.encore.scoring.avro.AliasTarget;
import io.encore.scoring.avro.AudienceCandidate;
import io.encore.scoring.model.LookAlikeModel;
import io.encore.scoring.topology.ScoringNames;

/**
 * What the guest side tells the concert side: audience membership from each guest's ADS list (which only
 * exists with ad consent), and the guest's aliases for the query API. Ad audiences carry hashed identifiers
 * only — {@code EMAIL_SHA256} aliases — never a cookie, card number or plain e-mail.
 */
final class Memberships {

    private Memberships() {
    }

    /** The difference between two ADS lists of one guest, as audience candidates keyed by concert. */
    static void audience(ProcessorContext<String, SpecificRecord> context, GuestProfile profile,
                         RecommendationSet previous, RecommendationSet next, long timestamp) {
        RecommendationSet any = next != null ? next : previous;
        if (any == null || any.getChannel() != Channel.ADS) {
            return;
        }
        Map<String, RecommendationItem> now = new HashMap<>();
        if (next != null) {
            next.getItems().forEach(item -> now.put(item.getConcertId(), item));
        }
        List<String> keys = hashedKeys(profile);
        for (RecommendationItem item : now.values()) {
            send(context, candidate(any.getGuestId(), item.getConcertId(), false, keys)
                    .setScore(item.getScore()).setLookalike(LookAlikeModel.NAME.equals(item.getModel()))
                    .setRecommendationId(next.getRecommendationId()).build(), timestamp);
        }
        if (previous != null) {
            for (RecommendationItem item : previous.getItems()) {
                if (!now.containsKey(item.getConcertId())) {
                    send(context, candidate(any.getGuestId(), item.getConcertId(), true, keys).build(), timestamp);
                }
            }
        }
    }

    /** Every alias of the guest now points at it; aliases it lost are not touched (another guest claims them). */
    static void aliases(ProcessorContext<String, SpecificRecord> context, GuestProfile previous, GuestProfile profile,
                        long timestamp) {
        Set<String> known = new HashSet<>();
        if (previous != null) {
            previous.getAliases().forEach(alias -> known.add(GuestKeys.key(alias)));
        }
        boolean first = previous == null;
        if (first) {
            forwardAlias(context, profile.getGuestId(), profile.getGuestId(), timestamp);
        }
        for (GuestIdentifier alias : profile.getAliases()) {
            if (!known.contains(GuestKeys.key(alias))) {
                forwardAlias(context, GuestKeys.key(alias), profile.getGuestId(), timestamp);
            }
        }
    }

    /** A guest merged away or erased: its own id and its aliases stop resolving (a survivor re-claims them). */
    static void forget(ProcessorContext<String, SpecificRecord> context, GuestProfile previous, long timestamp) {
        if (previous == null) {
            return;
        }
        forwardAlias(context, previous.getGuestId(), null, timestamp);
        previous.getAliases().forEach(alias -> forwardAlias(context, GuestKeys.key(alias), null, timestamp));
    }

    private static void forwardAlias(ProcessorContext<String, SpecificRecord> context, String alias, String guestId,
                                     long timestamp) {
        context.forward(new Record<String, SpecificRecord>(alias, guestId == null ? null : new AliasTarget(guestId),
                timestamp), ScoringNames.SINK_ALIASES);
    }

    private static AudienceCandidate.Builder candidate(String guestId, String concertId, boolean removed,
                                                       List<String> keys) {
        return AudienceCandidate.newBuilder().setGuestId(guestId).setConcertId(concertId).setRemoved(removed)
                .setMatchKeys(keys);
    }

    static List<String> hashedKeys(GuestProfile profile) {
        return profile == null ? List.of() : profile.getAliases().stream()
                .filter(alias -> alias.getType() == IdentifierType.EMAIL_SHA256).map(GuestKeys::key).toList();
    }

    private static void send(ProcessorContext<String, SpecificRecord> context, AudienceCandidate candidate,
                             long timestamp) {
        context.forward(new Record<String, SpecificRecord>(candidate.getConcertId(), candidate, timestamp),
                ScoringNames.SINK_AUDIENCE_CANDIDATES);
    }
}
