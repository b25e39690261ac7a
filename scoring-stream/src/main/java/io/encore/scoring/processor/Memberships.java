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
public final class Memberships {

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

    /**
     * The guest claims its own id and every alias it has, under keys only its own task writes
     * ({@link #aliasKey}); an alias it lost is dropped from its claims. Among several guests' claims on one
     * alias the newest wins, so a merge survivor's claim beats the merged guest's older one in any order.
     */
    static void aliases(ProcessorContext<String, SpecificRecord> context, GuestProfile previous, GuestProfile profile,
                        long timestamp) {
        Set<String> now = aliasesOf(profile);
        Set<String> before = previous == null ? Set.of() : aliasesOf(previous);
        if (now.equals(before)) {
            return; // claims stand until the aliases change
        }
        for (String alias : now) {
            forwardAlias(context, aliasKey(alias, profile.getGuestId()),
                    new AliasTarget(profile.getGuestId(), timestamp), timestamp);
        }
        for (String alias : before) {
            if (!now.contains(alias)) {
                forwardAlias(context, aliasKey(alias, profile.getGuestId()), null, timestamp);
            }
        }
    }

    /** A guest merged away or erased: its claims are withdrawn (a survivor's own claims are untouched). */
    static void forget(ProcessorContext<String, SpecificRecord> context, GuestProfile previous, long timestamp) {
        if (previous == null) {
            return;
        }
        for (String alias : aliasesOf(previous)) {
            forwardAlias(context, aliasKey(alias, previous.getGuestId()), null, timestamp);
        }
    }

    /** {@code <alias> U+001F <guestId>}: the separator is a control character, which no identifier may contain. */
    public static String aliasKey(String alias, String guestId) {
        return alias + ALIAS_SEPARATOR + guestId;
    }

    public static final char ALIAS_SEPARATOR = '\u001f';

    private static Set<String> aliasesOf(GuestProfile profile) {
        Set<String> aliases = new HashSet<>();
        aliases.add(profile.getGuestId());
        profile.getAliases().forEach(alias -> aliases.add(GuestKeys.key(alias)));
        return aliases;
    }

    private static void forwardAlias(ProcessorContext<String, SpecificRecord> context, String key, AliasTarget claim,
                                     long timestamp) {
        context.forward(new Record<String, SpecificRecord>(key, claim, timestamp), ScoringNames.SINK_ALIASES);
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
