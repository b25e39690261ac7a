package io.encore.schemas.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.encore.schemas.avro.ErasureAudit;

/**
 * What the applications share about an erasure: profile-stream marks the tombstone it writes for an erased
 * guest's profile with the {@value #HEADER} header (the erasure request's event id), because a tombstone
 * alone does not tell an erasure from a merge, and each application proves its part with an
 * {@link ErasureAudit} that names the guest only by {@link #subject(String)}.
 */
public final class Erasures {

    /** Header on a {@code guest-profiles} tombstone that erases the guest; its value is the request's event id. */
    public static final String HEADER = "encore.erasure";

    private Erasures() {
    }

    /** Lower-case hex SHA-256 of the guest id: how an audit record names the guest without naming it. */
    public static String subject(String guestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(guestId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** The erasure request a tombstone carries, if it is an erasure's. */
    public static Optional<String> requestOf(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Marks {@code headers} as an erasure's, for the request with this event id. */
    public static Headers mark(Headers headers, String requestEventId) {
        return headers.add(HEADER, requestEventId.getBytes(StandardCharsets.UTF_8));
    }

    /** The audit record of one application's erasure of one guest. */
    public static ErasureAudit audit(String application, String guestId, String requestEventId, long requestedAt,
                                     long erasedAt, int identifiers, List<String> actions) {
        return ErasureAudit.newBuilder().setSubject(subject(guestId)).setApplication(application)
                .setRequestEventId(requestEventId).setRequestedAt(Instant.ofEpochMilli(requestedAt))
                .setErasedAt(Instant.ofEpochMilli(erasedAt)).setIdentifiers(identifiers)
                .setActions(actions).build();
    }
}
