package io.encore.connectors.ads;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;

/**
 * Picks the identifiers that may leave Encore for an ad platform: {@code EMAIL_SHA256} match keys that are
 * really hashes. Members carry match keys only when the guest consents to ads, so a member without any is
 * not uploaded at all. Anything else (another identifier type, a value that is not 64 lower-case hex) is
 * dropped and counted, never sent: a malformed "hash" might be a plain e-mail address.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The hashes of {@code members} in order, without duplicates, and how many match keys were dropped. */
    public static Extraction hashes(Collection<AudienceMember> members) {
        Set<String> hashes = new LinkedHashSet<>();
        int dropped = 0;
        for (AudienceMember member : members) {
            for (GuestIdentifier key : member.getMatchKeys()) {
                if (isUploadable(key)) {
                    hashes.add(key.getValue());
                } else {
                    dropped++;
                }
            }
        }
        return new Extraction(List.copyOf(hashes), dropped);
    }

    static boolean isUploadable(GuestIdentifier key) {
        return key.getType() == IdentifierType.EMAIL_SHA256 && Hashing.isSha256Hex(key.getValue());
    }

    /**
     * @param hashes  SHA-256 hex hashes to upload
     * @param dropped match keys left out because they were not valid {@code EMAIL_SHA256} hashes
     */
    public record Extraction(List<String> hashes, int dropped) {
    }
}
