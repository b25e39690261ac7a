package io.encore.web.guests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.schemas.serde.AvroJson;
import io.encore.schemas.topic.GuestKeys;

/**
 * Every guest the site can act as, followed from the compacted {@code guest-profiles} topic, with first names
 * from {@code guest-contacts}. Any alias finds its guest, as the web sink's keys do. Only a first name and a
 * language are taken from a contact: addresses never enter the app, so they can never be shown or logged.
 */
public final class GuestDirectory {

    /** Concepts kept per guest: enough for a word cloud and the "your taste" panel. */
    static final int CONCEPTS_KEPT = 12;

    private final Map<String, GuestEntry> profiles = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    private record Contact(String firstName, String language) {
    }

    /** Applies one {@code guest-profiles} record; a null profile (merged away or erased) removes the guest. */
    public void applyProfile(String guestId, GuestProfile profile) {
        if (guestId == null) {
            return;
        }
        changes.incrementAndGet();
        GuestEntry previous = profile == null ? profiles.remove(guestId) : profiles.put(guestId, entry(guestId, profile));
        if (previous != null) {
            previous.aliases().forEach(alias -> aliases.remove(alias, guestId));
        }
        if (profile != null) {
            aliases.put(guestId, guestId);
            profiles.get(guestId).aliases().forEach(alias -> aliases.put(alias, guestId));
        }
    }

    /** Applies one {@code guest-contacts} record: keeps the first name and language, nothing else. */
    public void applyContact(String guestId, GuestContact contact) {
        if (guestId == null) {
            return;
        }
        changes.incrementAndGet();
        if (contact == null) {
            contacts.remove(guestId);
        } else {
            contacts.put(guestId, new Contact(blankToNull(contact.getFirstName()), blankToNull(contact.getPreferredLanguage())));
        }
    }

    /** The guest {@code id} (canonical or alias) belongs to. */
    public Optional<GuestEntry> find(String id) {
        String guestId = aliases.getOrDefault(id, id);
        return Optional.ofNullable(profiles.get(guestId)).map(this::withContact);
    }

    /** The first name of a guest from the contact, without a profile needed (e-mail sends name their guest). */
    public Optional<String> firstName(String guestId) {
        return Optional.ofNullable(contacts.get(guestId)).map(Contact::firstName);
    }

    public int size() {
        return profiles.size();
    }

    /** Grows with every record applied, so derived views (the clusters) know when to recompute. */
    public long changes() {
        return changes.get();
    }

    /** Every guest, with contact names: the population the operator view clusters. */
    public List<GuestEntry> all() {
        return profiles.values().stream().map(this::withContact).toList();
    }

    /**
     * Guests whose id, an alias or first name contains {@code query} (any case); all when it is blank. The most
     * active first (event count), then by id, so the picker's first page shows guests worth looking at.
     *
     * @param kind {@code known}, {@code anonymous} or anything else for both
     */
    public List<GuestEntry> search(String query, String kind, int limit) {
        String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<GuestEntry> found = new ArrayList<>();
        for (GuestEntry profile : profiles.values()) {
            GuestEntry entry = withContact(profile);
            if (matchesKind(entry, kind) && (needle.isEmpty() || matches(entry, needle))) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparingLong(GuestEntry::eventCount).reversed().thenComparing(GuestEntry::guestId));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private static boolean matchesKind(GuestEntry entry, String kind) {
        if ("known".equals(kind)) {
            return entry.known();
        }
        return !"anonymous".equals(kind) || !entry.known();
    }

    private static boolean matches(GuestEntry entry, String needle) {
        if (entry.guestId().toLowerCase(Locale.ROOT).contains(needle)
                || entry.firstName() != null && entry.firstName().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return entry.aliases().stream().anyMatch(alias -> alias.toLowerCase(Locale.ROOT).contains(needle));
    }

    private GuestEntry withContact(GuestEntry profile) {
        Contact contact = contacts.get(profile.guestId());
        return contact == null ? profile : profile.withContact(contact.firstName(), contact.language());
    }

    static GuestEntry entry(String guestId, GuestProfile profile) {
        return new GuestEntry(guestId,
                profile.getAliases().stream().map(GuestKeys::key).toList(),
                profile.getKnown(), null, blankToNull(profile.getPreferredLanguage()),
                profile.getAllowedChannels().stream().map(Enum::name).toList(),
                concepts(profile.getTopConcepts()), concepts(profile.getNegativeConcepts()),
                profile.getRfm() == null ? null : profile.getRfm().getValueGroup().name(),
                profile.getSegment().name(), profile.getBehaviourGroup(), profile.getPurchasedConcertIds(),
                profile.getEventCount(), profile.getVersion(), (String) AvroJson.toJson(profile.getUpdatedAt()),
                taste(profile.getTasteVector()));
    }

    private static List<GuestEntry.Concept> concepts(List<WeightedConcept> concepts) {
        return concepts.stream().limit(CONCEPTS_KEPT)
                .map(c -> new GuestEntry.Concept(c.getConcept(), c.getKind().name(), c.getWeight()))
                .toList();
    }

    private static float[] taste(List<Float> vector) {
        float[] taste = new float[vector.size()];
        for (int i = 0; i < taste.length; i++) {
            taste[i] = vector.get(i);
        }
        return taste;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
