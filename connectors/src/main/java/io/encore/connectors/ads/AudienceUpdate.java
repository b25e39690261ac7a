package io.encore.connectors.ads;

import java.util.ArrayList;
import java.util.List;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;

/**
 * One change to one platform audience: hashes to add and to remove. A concert has two audiences, its own
 * ({@code concertId}) and its look-alikes ({@code concertId-lookalike}), so a platform can bid on likely
 * buyers and on their look-alikes separately.
 */
record AudienceUpdate(String audienceId, List<String> add, List<String> remove) {

    static final String LOOKALIKE_SUFFIX = "-lookalike";

    AudienceUpdate {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    /** The hashes this update carries, added and removed. */
    int size() {
        return add.size() + remove.size();
    }

    /**
     * The updates one {@code concert-audiences} diff asks for (none for an audience whose diff holds no
     * uploadable member), and how many match keys were dropped as not uploadable.
     */
    static Plan plan(ConcertAudience audience) {
        String concertId = audience.getConcertId();
        List<AudienceUpdate> updates = new ArrayList<>(2);
        int dropped = 0;
        for (boolean lookalike : new boolean[] {false, true}) {
            Identifiers.Extraction added = Identifiers.hashes(filter(audience.getAdded(), lookalike));
            Identifiers.Extraction removed = Identifiers.hashes(filter(audience.getRemoved(), lookalike));
            dropped += added.dropped() + removed.dropped();
            AudienceUpdate update = new AudienceUpdate(lookalike ? concertId + LOOKALIKE_SUFFIX : concertId,
                    added.hashes(), removed.hashes());
            if (update.size() > 0) {
                updates.add(update);
            }
        }
        return new Plan(updates, dropped);
    }

    /** This update cut into requests of at most {@code maxHashes} hashes each: additions first, then removals. */
    List<AudienceUpdate> batches(int maxHashes) {
        List<AudienceUpdate> batches = new ArrayList<>();
        int addFrom = 0;
        int removeFrom = 0;
        while (addFrom < add.size() || removeFrom < remove.size()) {
            int addTo = Math.min(add.size(), addFrom + maxHashes);
            int removeTo = Math.min(remove.size(), removeFrom + maxHashes - (addTo - addFrom));
            batches.add(new AudienceUpdate(audienceId, add.subList(addFrom, addTo), remove.subList(removeFrom, removeTo)));
            addFrom = addTo;
            removeFrom = removeTo;
        }
        return batches;
    }

    private static List<AudienceMember> filter(List<AudienceMember> members, boolean lookalike) {
        return members.stream().filter(member -> member.getLookalike() == lookalike).toList();
    }

    /**
     * @param updates         zero, one or two audience updates (own audience first, then look-alikes)
     * @param droppedMatchKeys match keys left out as not valid {@code EMAIL_SHA256} hashes
     */
    record Plan(List<AudienceUpdate> updates, int droppedMatchKeys) {
    }
}
