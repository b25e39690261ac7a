package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.card;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.consent;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.crooner;
import static io.encore.profile.topology.Fixtures.guest;
import static io.encore.profile.topology.Fixtures.key;
import static io.encore.profile.topology.Fixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.ErasureAudit;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.privacy.Erasures;

class ErasureTest {

    private static final List<String> IDENTIFIERS = List.of("GUEST_ID:g-9", "COOKIE:c-9", "LOYALTY_CARD:909");

    private ProfileDriver profile;

    @BeforeEach
    void guestWithTwoAliases() {
        profile = new ProfileDriver();
        profile.pipe(profile.topics.concerts(), "jazz", crooner());
        view("e1", cookie("c-9"), T0);
        profile.pipe(profile.topics.identityLinks(), key(cookie("c-9")), link("l1", cookie("c-9"), guest("g-9"), T0.plusSeconds(1)));
        profile.pipe(profile.topics.identityLinks(), key(card("909")), link("l2", card("909"), guest("g-9"), T0.plusSeconds(2)));
        view("e2", card("909"), T0.plusSeconds(3));
        assertThat(profile.profiles().get("GUEST_ID:g-9").getEventCount()).isEqualTo(2);
    }

    @AfterEach
    void close() {
        assertThat(profile.deadLetters()).isEmpty();
        profile.close();
    }

    @Test
    void shouldRemoveTheGuestAndItsAliasesFromEveryStoreAndTombstoneItsKeys() {
        // when
        profile.pipe(profile.topics.guestConsents(), key(guest("g-9")),
                consent("erase-1", guest("g-9"), false, true, T0.plusSeconds(10)));

        // then: the profile's tombstone says it is an erasure (a merge's does not)
        List<TestRecord<String, GuestProfile>> profiles = profile.records(profile.topics.guestProfiles());
        TestRecord<String, GuestProfile> last = profiles.get(profiles.size() - 1);
        assertThat(last.key()).isEqualTo("GUEST_ID:g-9");
        assertThat(last.value()).isNull();
        assertThat(Erasures.requestOf(last.headers())).contains("erase-1");
        // and every identity link keyed by the guest or an alias is tombstoned
        List<TestRecord<String, IdentityLink>> links = profile.records(profile.topics.identityLinks());
        assertThat(links).allSatisfy(record -> assertThat(record.value()).isNull());
        assertThat(links).extracting(TestRecord::key).containsExactlyInAnyOrderElementsOf(IDENTIFIERS);
        // and no guest store holds anything under or about any of its identifiers
        for (String store : ProfileNames.GUEST_STORES) {
            if (!store.equals(ProfileNames.STORE_SEEN_EVENTS)) { // keyed by event id, holds event times only
                assertThat(mentions(profile.driver.getKeyValueStore(store))).as(store).isEmpty();
            }
        }
        // and the audit names the guest by hash only
        List<ErasureAudit> audits = profile.records(profile.topics.erasureAudits()).stream().map(TestRecord::value).toList();
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.getSubject()).isEqualTo(Erasures.subject("GUEST_ID:g-9"));
            assertThat(audit.getRequestEventId()).isEqualTo("erase-1");
            assertThat(audit.getIdentifiers()).isEqualTo(3);
            assertThat(audit.toString()).doesNotContain("g-9", "c-9", "909");
        });
    }

    @Test
    void shouldNotMarkTheTombstoneOfAGuestMergedIntoAnother() {
        // given: a second browser's anonymous profile
        view("e3", cookie("c-10"), T0.plusSeconds(5));
        // when: it logs in as the guest, who absorbs it
        profile.pipe(profile.topics.identityLinks(), key(cookie("c-10")), link("l3", cookie("c-10"), guest("g-9"), T0.plusSeconds(10)));

        // then
        List<TestRecord<String, GuestProfile>> tombstones = profile.records(profile.topics.guestProfiles()).stream()
                .filter(record -> record.value() == null).toList();
        assertThat(tombstones).extracting(TestRecord::key).containsExactly("COOKIE:c-10");
        assertThat(tombstones).allSatisfy(record -> assertThat(Erasures.requestOf(record.headers())).isEmpty());
        assertThat(profile.records(profile.topics.erasureAudits())).isEmpty();
    }

    /** Entries whose key or value names one of the guest's identifiers. */
    private static <V> List<String> mentions(KeyValueStore<String, V> store) {
        List<String> found = new ArrayList<>();
        try (var all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                String text = entry.key + "=" + entry.value;
                if (text.contains("g-9") || text.contains("c-9") || text.contains("909")) {
                    found.add(entry.key);
                }
            }
        }
        return found;
    }

    private void view(String eventId, GuestIdentifier who, Instant at) {
        profile.pipe(profile.topics.clickEvents(), key(who), click(eventId, who, ClickType.PAGE_VIEW, "jazz", at));
    }
}
