package io.encore.web.guests;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the web app keeps of one guest from {@code guest-profiles} (and a first name from
 * {@code guest-contacts}): enough to pick the guest, greet them, show their taste and cluster them. No e-mail
 * address, phone or postal address is ever kept.
 *
 * @param guestId   the canonical id, {@code TYPE:value}
 * @param aliases   every identifier resolved to the guest, {@code TYPE:value}
 * @param firstName from the CRM contact, null when none
 * @param language  the contact's preferred language, else the profile's, else null
 * @param taste     the dense taste vector (empty without profiling consent or positive events); not sent to browsers
 */
public record GuestEntry(String guestId, List<String> aliases, boolean known, String firstName, String language,
                         List<String> allowedChannels, List<Concept> topConcepts, List<Concept> negativeConcepts,
                         String valueGroup, String segment, String behaviourGroup, List<String> purchasedConcertIds,
                         long eventCount, long version, String updatedAt, @JsonIgnore float[] taste) {

    public GuestEntry {
        aliases = List.copyOf(aliases);
        allowedChannels = List.copyOf(allowedChannels);
        topConcepts = List.copyOf(topConcepts);
        negativeConcepts = List.copyOf(negativeConcepts);
        purchasedConcertIds = List.copyOf(purchasedConcertIds);
        taste = taste == null ? new float[0] : taste.clone();
    }

    /** A concept of the guest's taste, {@code kind} one of PERFORMER, COMPOSER, WORK, TAG, HALL, TERM. */
    public record Concept(String concept, String kind, double weight) {
    }

    @Override
    @JsonIgnore
    public float[] taste() {
        return taste.clone();
    }

    /** Whether the guest has a cookie among its identifiers: the site has seen them as a web visitor. */
    @JsonIgnore
    public boolean webVisitor() {
        return guestId.startsWith("COOKIE:") || aliases.stream().anyMatch(alias -> alias.startsWith("COOKIE:"));
    }

    /** The name a picker shows: first name and guest id, never a contact detail. */
    public String displayName() {
        return firstName == null || firstName.isBlank() ? guestId : firstName + " (" + guestId + ")";
    }

    GuestEntry withContact(String name, String contactLanguage) {
        return new GuestEntry(guestId, aliases, known, name, contactLanguage != null ? contactLanguage : language,
                allowedChannels, topConcepts, negativeConcepts, valueGroup, segment, behaviourGroup,
                purchasedConcertIds, eventCount, version, updatedAt, taste);
    }
}
