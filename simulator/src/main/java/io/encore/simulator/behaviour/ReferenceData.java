package io.encore.simulator.behaviour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.audience.ConsentChoice;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.audience.Person;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

/**
 * What the hall's systems of record know about a guest before the simulation starts — the CRM contact, the
 * consent given with the account or at the box office, the links between card, e-mail and account, the market
 * estimates — and what they learn when a prospect signs up. Each record is stamped when it came to be.
 */
public final class ReferenceData {

    public static final String SOURCE = "simulator";
    public static final String POLICY_VERSION = "2025-03";

    private ReferenceData() {
    }

    /** A record and when it happened, for merging streams in time order. */
    public record Timed(long at, SimRecord record) {
    }

    /**
     * The guest's records as of the start (none for a prospect), stamped when the guest became a customer but
     * not before {@code notBefore}: a history that starts in 2021 begins with the CRM as it stood then.
     */
    public static List<Timed> atStart(long seed, Guest guest, long notBefore) {
        List<Timed> records = new ArrayList<>();
        long since = Math.max(guest.value().since().toEpochMilli(), notBefore);
        if (guest.kind() == GuestKind.REGISTERED) {
            records.addAll(account(seed, guest, since, LinkReason.NEWSLETTER_SIGNUP));
            if (guest.card() != null) {
                records.add(link(Ids.reference(seed, guest.index(), "card"), since + 60_000, guest.card(),
                        guest.guestIdentifier(), LinkReason.CARD_SCAN));
            }
        } else if (guest.kind() == GuestKind.BOX_OFFICE) {
            records.add(consent(Ids.reference(seed, guest.index(), "consent"), since, guest.card(), guest.consent(), "box-office"));
            if (guest.emailIdentifier() != null) {
                records.add(link(Ids.reference(seed, guest.index(), "email"), since + 60_000, guest.emailIdentifier(),
                        guest.card(), LinkReason.CRM_MERGE));
            }
        }
        for (int i = 0; i < guest.marketSpend().size(); i++) {
            Guest.MarketEstimate estimate = guest.marketSpend().get(i);
            GuestIdentifier id = guest.emailIdentifier();
            MarketSpend spend = new MarketSpend(Ids.reference(seed, guest.index(), "market" + i), estimate.estimatedAt(),
                    id, estimate.category(), estimate.amountMinor(), "DKK", "simulator-market-panel");
            records.add(new Timed(estimate.estimatedAt().toEpochMilli(), new SimRecord(OutputTopic.MARKET_SPEND, GuestKeys.key(id), spend)));
        }
        return records;
    }

    /**
     * The guest's records as of the start, all stamped {@code at}: the systems of record exported as they stand
     * now, for a run without history (live, old timestamps would fall behind Encore's de-duplication horizon).
     */
    public static List<SimRecord> restamped(long seed, Guest guest, Instant at) {
        List<SimRecord> records = new ArrayList<>();
        for (Timed timed : atStart(seed, guest, Long.MIN_VALUE)) {
            SimRecord record = timed.record();
            SpecificRecord value = record.value();
            if (value instanceof GuestConsent consent) {
                value = GuestConsent.newBuilder(consent).setOccurredAt(at).build();
            } else if (value instanceof IdentityLink link) {
                value = IdentityLink.newBuilder(link).setOccurredAt(at).build();
            } else if (value instanceof MarketSpend spend) {
                value = MarketSpend.newBuilder(spend).setOccurredAt(at).build();
            } else if (value instanceof GuestContact contact) {
                value = GuestContact.newBuilder(contact).setUpdatedAt(at).build();
            }
            records.add(new SimRecord(record.topic(), record.key(), value));
        }
        return records;
    }

    /** What a new account brings: the contact, the consent from the account settings and the e-mail's link. */
    static List<Timed> account(long seed, Guest guest, long at, LinkReason emailReason) {
        List<Timed> records = new ArrayList<>();
        records.add(new Timed(at, new SimRecord(OutputTopic.GUEST_CONTACTS, GuestKeys.key(guest.guestIdentifier()),
                contact(guest, Instant.ofEpochMilli(at)))));
        records.add(consent(Ids.reference(seed, guest.index(), "consent"), at, guest.guestIdentifier(), guest.consent(), "account-settings"));
        if (guest.emailIdentifier() != null) {
            records.add(link(Ids.reference(seed, guest.index(), "email"), at + 30_000, guest.emailIdentifier(),
                    guest.guestIdentifier(), emailReason));
        }
        return records;
    }

    static GuestContact contact(Guest guest, Instant updatedAt) {
        Person person = guest.person();
        PostalAddress address = person.address() == null ? null
                : new PostalAddress(person.address().lines(), person.address().postalCode(), person.address().city(),
                        null, person.address().country());
        return new GuestContact(GuestKeys.key(guest.guestIdentifier()), person.email(), null, person.firstName(),
                person.lastName(), person.language(), address, updatedAt);
    }

    static Timed consent(String eventId, long at, GuestIdentifier id, ConsentChoice choice, String source) {
        GuestConsent consent = new GuestConsent(eventId, Instant.ofEpochMilli(at), id, choice.profiling(), choice.email(),
                choice.ads(), choice.web(), choice.print(), false, POLICY_VERSION, source);
        return new Timed(at, new SimRecord(OutputTopic.GUEST_CONSENTS, GuestKeys.key(id), consent));
    }

    static Timed link(String eventId, long at, GuestIdentifier from, GuestIdentifier to, LinkReason reason) {
        IdentityLink link = new IdentityLink(eventId, Instant.ofEpochMilli(at), from, to, reason, SOURCE);
        return new Timed(at, new SimRecord(OutputTopic.IDENTITY_LINKS, GuestKeys.key(from), link));
    }
}
