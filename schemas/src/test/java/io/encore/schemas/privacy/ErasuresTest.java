package io.encore.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ErasureAudit;

class ErasuresTest {

    @Test
    void shouldNameTheGuestByTheSha256OfItsId() {
        // echo -n 'GUEST:g-1' | sha256sum
        assertThat(Erasures.subject("GUEST:g-1"))
                .isEqualTo("3e815000e6f2c143066ccab6dc0c2742d0114615c14bda5afc0ac6996c94cc83")
                .isNotEqualTo(Erasures.subject("GUEST:g-2"));
    }

    @Test
    void shouldCarryTheRequestInTheHeaderOfAnErasureTombstoneOnly() {
        RecordHeaders erasure = new RecordHeaders();
        Erasures.mark(erasure, "consent-17");

        assertThat(Erasures.requestOf(erasure)).contains("consent-17");
        assertThat(Erasures.requestOf(new RecordHeaders())).isEmpty();
        assertThat(Erasures.requestOf(null)).isEmpty();
    }

    @Test
    void shouldKeepNoIdentifierInTheAuditRecord() {
        ErasureAudit audit = Erasures.audit("profile-stream", "GUEST:g-1", "consent-17", 1_000L, 2_000L, 3,
                List.of("store guests: 3 keys deleted"));

        assertThat(audit.toString()).doesNotContain("g-1");
        assertThat(audit.getSubject()).isEqualTo(Erasures.subject("GUEST:g-1"));
        assertThat(audit.getIdentifiers()).isEqualTo(3);
        assertThat(audit.getRequestedAt().toEpochMilli()).isEqualTo(1_000L);
    }
}
