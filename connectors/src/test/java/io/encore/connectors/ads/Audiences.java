package io.encore.connectors.ads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;

/** Test data: audience members and diffs. */
final class Audiences {

    private Audiences() {
    }

    /** A consenting guest whose e-mail hash is the hash of {@code guest@example.com}. */
    static AudienceMember member(String guest, boolean lookalike) {
        return member(guest, lookalike, List.of(emailKey(Hashing.email(guest + "@example.com"))));
    }

    static AudienceMember member(String guest, boolean lookalike, List<GuestIdentifier> matchKeys) {
        return AudienceMember.newBuilder()
                .setGuestId(guest)
                .setScore(0.5)
                .setLookalike(lookalike)
                .setMatchKeys(matchKeys)
                .setRecommendationId(lookalike ? null : "rec-" + guest)
                .build();
    }

    static GuestIdentifier emailKey(String value) {
        return key(IdentifierType.EMAIL_SHA256, value);
    }

    static GuestIdentifier key(IdentifierType type, String value) {
        return GuestIdentifier.newBuilder().setType(type).setValue(value).build();
    }

    static List<AudienceMember> members(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> member(prefix + i, false)).toList();
    }

    static ConcertAudience diff(String concertId, List<AudienceMember> added, List<AudienceMember> removed) {
        List<AudienceMember> members = new ArrayList<>(added);
        return ConcertAudience.newBuilder()
                .setConcertId(concertId)
                .setMembers(members)
                .setAdded(added)
                .setRemoved(removed)
                .setVersion(2)
                .setPreviousVersion(1L)
                .setGeneratedAt(Instant.parse("2026-11-23T10:00:00Z"))
                .build();
    }
}
