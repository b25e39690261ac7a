package io.encore.scoring.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactLedgerTest {

    @Test
    void shouldReadBackWhatItWroteWhenStored() {
        // given
        ContactLedger ledger = ContactLedger.parse(null).with(10, "spring newsletter", 0).with(20, "push:1", 0);
        // when
        ContactLedger read = ContactLedger.parse(ledger.format());
        // then
        assertThat(read).isEqualTo(ledger);
        assertThat(read.contains("spring newsletter")).isTrue();
        assertThat(read.contains("push")).isFalse();
    }

    @Test
    void shouldCountOnlyTheSendsInTheWindowWhenOlderOnesAreKept() {
        // given
        ContactLedger ledger = ContactLedger.parse("5 a\n15 b");
        // then
        assertThat(ledger.countSince(10)).isEqualTo(1);
        assertThat(ledger.countSince(0)).isEqualTo(2);
    }

    @Test
    void shouldDropSendsOutsideTheWindowWhenASendIsAdded() {
        // when
        ContactLedger ledger = ContactLedger.parse("5 a\n15 b").with(30, "c", 10);
        // then
        assertThat(ledger.sends()).extracting(ContactLedger.Send::campaignId).containsExactly("b", "c");
    }
}
