package io.encore.simulator.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.simulator.catalogue.ConcertPlan;

/**
 * One simulated guest: who they are to the hall's systems (identifiers, contact, consent) and what Encore has
 * to discover (taste, habits, value, responsiveness). Immutable; what changes during a run lives in the
 * behaviour's per-guest state.
 *
 * @param guestId     the CRM's id (without type), for a prospect the id they get on signing up
 * @param cookies     the guest's browsers, one per device
 * @param loyaltyCard the card number, or null
 * @param emailSha256 hex SHA-256 of the trimmed, lower-cased e-mail, or null without e-mail
 */
public record Guest(int index, GuestKind kind, String guestId, List<String> cookies, String loyaltyCard,
                    String emailSha256, Person person, Taste taste, Habits habits, Value value,
                    Responsiveness responsiveness, ConsentChoice consent, List<MarketEstimate> marketSpend) {

    /** An external estimate of the guest's yearly spend on a category (a family tag) in the whole market. */
    public record MarketEstimate(String category, long amountMinor, Instant estimatedAt) {
    }

    public Guest {
        cookies = List.copyOf(cookies);
        marketSpend = List.copyOf(marketSpend);
    }

    /** The ground truth: how well the concert fits the guest's hidden taste, in [0, 1]. */
    public double affinity(ConcertPlan concert) {
        return taste.affinity(concert);
    }

    public GuestIdentifier guestIdentifier() {
        return new GuestIdentifier(IdentifierType.GUEST_ID, guestId);
    }

    public GuestIdentifier cookie(int device) {
        return new GuestIdentifier(IdentifierType.COOKIE, cookies.get(device));
    }

    public GuestIdentifier card() {
        return loyaltyCard == null ? null : new GuestIdentifier(IdentifierType.LOYALTY_CARD, loyaltyCard);
    }

    public GuestIdentifier emailIdentifier() {
        return emailSha256 == null ? null : new GuestIdentifier(IdentifierType.EMAIL_SHA256, emailSha256);
    }

    /** Every identifier the guest may be seen under, as {@code TYPE:value} keys. */
    public List<String> identifierKeys() {
        List<String> keys = new ArrayList<>();
        if (kind != GuestKind.BOX_OFFICE) {
            keys.add("GUEST_ID:" + guestId);
        }
        cookies.forEach(c -> keys.add("COOKIE:" + c));
        if (loyaltyCard != null) {
            keys.add("LOYALTY_CARD:" + loyaltyCard);
        }
        if (emailSha256 != null) {
            keys.add("EMAIL_SHA256:" + emailSha256);
        }
        return keys;
    }
}
