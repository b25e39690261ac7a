package io.encore.simulator.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.encore.simulator.catalogue.Taxonomy;

/**
 * The simulated guests, with a map from every identifier a guest may be seen under ({@code COOKIE:…},
 * {@code GUEST_ID:…}, {@code LOYALTY_CARD:…}, {@code EMAIL_SHA256:…}) to the guest, so whatever key Encore
 * answers under (its canonical id is the guest's highest identifier it has linked) leads back to the person.
 */
public final class Audience {

    private final List<Guest> guests;
    private final Map<String, Guest> byIdentifier;

    public Audience(List<Guest> guests) {
        this.guests = List.copyOf(guests);
        this.byIdentifier = new HashMap<>(guests.size() * 8);
        for (Guest guest : this.guests) {
            for (String key : guest.identifierKeys()) {
                Guest previous = byIdentifier.put(key, guest);
                if (previous != null && previous.index() != guest.index()) {
                    throw new IllegalStateException("identifier " + key + " belongs to guests " + previous.index()
                            + " and " + guest.index());
                }
            }
        }
    }

    /** {@code count} guests of seed {@code seed} for a simulation starting at {@code start}. */
    public static Audience generate(Taxonomy taxonomy, long seed, int count, Instant start) {
        AudienceGenerator generator = new AudienceGenerator(taxonomy, seed);
        List<Guest> guests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            guests.add(generator.guest(i, start));
        }
        return new Audience(guests);
    }

    public List<Guest> guests() {
        return guests;
    }

    public Guest guest(int index) {
        return guests.get(index);
    }

    public int size() {
        return guests.size();
    }

    /** The guest an identifier key ({@code TYPE:value}) belongs to. */
    public Optional<Guest> byIdentifier(String key) {
        return Optional.ofNullable(byIdentifier.get(key));
    }
}
