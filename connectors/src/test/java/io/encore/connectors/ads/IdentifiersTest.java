package io.encore.connectors.ads;

import static io.encore.connectors.ads.Audiences.emailKey;
import static io.encore.connectors.ads.Audiences.key;
import static io.encore.connectors.ads.Audiences.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.IdentifierType;

class IdentifiersTest {

    @Test
    void shouldKeepOnlyValidEmailHashesAndCountTheRestWhenKeysAreMixed() {
        // given
        String valid = Hashing.email("ada@example.com");
        var member = member("g1", false, List.of(
                emailKey(valid),
                emailKey("ada@example.com"),                 // unhashed: must never leave
                emailKey(valid.toUpperCase()),                // not the platforms' canonical form
                emailKey(valid.substring(2)),                 // truncated
                key(IdentifierType.COOKIE, valid),            // a cookie is not an e-mail
                key(IdentifierType.UNKNOWN, valid)));

        // when
        Identifiers.Extraction extraction = Identifiers.hashes(List.of(member));

        // then
        assertThat(extraction.hashes()).containsExactly(valid);
        assertThat(extraction.dropped()).isEqualTo(5);
    }

    @Test
    void shouldUploadNothingWhenMemberHasNoMatchKeys() {
        // given: a guest without ad consent carries no match keys
        var member = member("g1", false, List.of());

        // when
        Identifiers.Extraction extraction = Identifiers.hashes(List.of(member));

        // then
        assertThat(extraction.hashes()).isEmpty();
        assertThat(extraction.dropped()).isZero();
    }

    @Test
    void shouldListEachHashOnceWhenMembersShareOne() {
        String shared = Hashing.email("family@example.com");

        Identifiers.Extraction extraction = Identifiers.hashes(List.of(
                member("g1", false, List.of(emailKey(shared))), member("g2", false, List.of(emailKey(shared)))));

        assertThat(extraction.hashes()).containsExactly(shared);
    }
}
