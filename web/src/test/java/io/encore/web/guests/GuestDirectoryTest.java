package io.encore.web.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.web.Fixtures;

class GuestDirectoryTest {

    private final GuestDirectory directory = new GuestDirectory();

    @Test
    void shouldFindAGuestByItsIdAndEveryAlias() {
        // given
        directory.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1",
                List.of("GUEST_ID:g-1", "COOKIE:c1", "LOYALTY_CARD:700"), new float[] {1, 0}, "jazz"));
        // then
        for (String id : List.of("GUEST_ID:g-1", "COOKIE:c1", "LOYALTY_CARD:700")) {
            assertThat(directory.find(id)).as(id).hasValueSatisfying(g -> assertThat(g.guestId()).isEqualTo("GUEST_ID:g-1"));
        }
        assertThat(directory.find("COOKIE:other")).isEmpty();
    }

    @Test
    void shouldForgetAnAliasTheGuestLostAndTheGuestOnATombstone() {
        // given
        directory.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1", List.of("GUEST_ID:g-1", "COOKIE:c1"),
                new float[] {1, 0}, "jazz"));
        // when
        directory.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1", List.of("GUEST_ID:g-1"),
                new float[] {1, 0}, "jazz"));
        // then
        assertThat(directory.find("COOKIE:c1")).isEmpty();
        directory.applyProfile("GUEST_ID:g-1", null);
        assertThat(directory.find("GUEST_ID:g-1")).isEmpty();
        assertThat(directory.size()).isZero();
    }

    @Test
    void shouldTakeOnlyTheFirstNameAndLanguageFromTheContact() {
        // given
        directory.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1", List.of("GUEST_ID:g-1"), new float[] {1}, "jazz"));
        // when
        directory.applyContact("GUEST_ID:g-1", Fixtures.contact("GUEST_ID:g-1", "Anna", "da"));
        // then
        GuestEntry guest = directory.find("GUEST_ID:g-1").orElseThrow();
        assertThat(guest.displayName()).isEqualTo("Anna (GUEST_ID:g-1)");
        assertThat(guest.language()).isEqualTo("da"); // the contact's, over the profile's "en"
        assertThat(guest.toString()).doesNotContain("secret.person@example.org", "Hemmelig", "+4512345678");
        directory.applyContact("GUEST_ID:g-1", null);
        assertThat(directory.find("GUEST_ID:g-1").orElseThrow().displayName()).isEqualTo("GUEST_ID:g-1");
    }

    @Test
    void shouldSearchByNameIdOrAliasAndByKindMostActiveFirst() {
        // given
        directory.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1", List.of("GUEST_ID:g-1", "COOKIE:zz"),
                new float[] {1}, "jazz"));
        directory.applyProfile("COOKIE:c2", Fixtures.profile("COOKIE:c2", List.of("COOKIE:c2"), new float[] {1}, "kor"));
        directory.applyContact("GUEST_ID:g-1", Fixtures.contact("GUEST_ID:g-1", "Bente", "da"));
        // then
        assertThat(directory.search("bent", "all", 10)).extracting(GuestEntry::guestId).containsExactly("GUEST_ID:g-1");
        assertThat(directory.search("zz", "all", 10)).extracting(GuestEntry::guestId).containsExactly("GUEST_ID:g-1");
        assertThat(directory.search("", "anonymous", 10)).extracting(GuestEntry::guestId).containsExactly("COOKIE:c2");
        assertThat(directory.search("", "known", 10)).extracting(GuestEntry::guestId).containsExactly("GUEST_ID:g-1");
        assertThat(directory.search("", "all", 1)).hasSize(1);
    }
}
