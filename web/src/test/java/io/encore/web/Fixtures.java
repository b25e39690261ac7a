package io.encore.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConceptKind;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.LifecycleSegment;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.PriceRange;
import io.encore.schemas.avro.RfmValue;
import io.encore.schemas.avro.ValueGroup;
import io.encore.schemas.avro.WeightedConcept;
import io.encore.schemas.topic.GuestKeys;

/** Records as the topics carry them, for the web app's tests. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Fixtures() {
    }

    /** An on-sale Danish concert with an English translation, 245–495 kr., starting {@code days} from NOW at 19:30 CET. */
    public static Concert concert(String id, String title, int days, String... tags) {
        return Concert.newBuilder()
                .setConcertId(id)
                .setTitle(title)
                .setDescription("En aften med " + title)
                .setLanguage("da")
                .setTranslations(List.of(new LocalizedText("en", title + " (EN)", "An evening with " + title)))
                .setPerformers(List.of(new Performer("DR SymfoniOrkestret", PerformerRole.ENSEMBLE)))
                .setComposers(List.of("Carl Nielsen"))
                .setTags(List.of(tags))
                .setHall("Koncertsalen")
                .setStartTime(NOW.plusSeconds(days * 86_400L).plusSeconds(7 * 3600 + 1800))
                .setStatus(ConcertStatus.ON_SALE)
                .setPriceRange(new PriceRange(24_500L, 49_500L, "DKK"))
                .setCapacity(1_800)
                .setSeatsAvailable(900)
                .setVersion(1)
                .setUpdatedAt(NOW)
                .build();
    }

    /** A profile with the given aliases, taste vector and top concepts ({@code label} weights 1, 0.5, …). */
    public static GuestProfile profile(String guestId, List<String> aliases, float[] taste, String... concepts) {
        List<Float> vector = new ArrayList<>();
        for (float value : taste) {
            vector.add(value);
        }
        List<WeightedConcept> top = new ArrayList<>();
        for (int i = 0; i < concepts.length; i++) {
            top.add(new WeightedConcept(concepts[i], i == 0 ? ConceptKind.PERFORMER : ConceptKind.TAG, 1.0f / (i + 1)));
        }
        return GuestProfile.newBuilder()
                .setGuestId(guestId)
                .setAliases(aliases.stream().map(a -> GuestKeys.parse(a).orElseThrow()).toList())
                .setKnown(guestId.startsWith("GUEST_ID:"))
                .setAllowedChannels(List.of(Channel.WEB))
                .setProfilingAllowed(true)
                .setPreferredLanguage("en")
                .setTasteVector(vector)
                .setTasteDimension(taste.length)
                .setTopConcepts(top)
                .setRfm(RfmValue.newBuilder().setFrequencyPerMonth(0).setMonetaryMinor(0).setCurrency("DKK")
                        .setWindowDays(365).setValueGroup(ValueGroup.B).setAsOf(NOW).build())
                .setSegment(LifecycleSegment.LOYAL)
                .setBehaviourGroup("loyal")
                .setEventCount(12)
                .setVersion(3)
                .setUpdatedAt(NOW)
                .build();
    }

    public static GuestContact contact(String guestId, String firstName, String language) {
        return GuestContact.newBuilder()
                .setGuestId(guestId)
                .setEmail("secret.person@example.org")
                .setPhone("+4512345678")
                .setFirstName(firstName)
                .setLastName("Hemmelig")
                .setPreferredLanguage(language)
                .setUpdatedAt(NOW)
                .build();
    }

    public static EmailSend send(String sendId, String guestId, String campaignId) {
        return EmailSend.newBuilder()
                .setSendId(sendId)
                .setCampaignId(campaignId)
                .setGuestId(guestId)
                .setLanguage("da")
                .setToAddress("secret.person@example.org")
                .setFirstName("Anna")
                .setSubject("Udvalgt til dig")
                .setItems(List.<EmailItem>of())
                .setCreatedAt(NOW)
                .build();
    }

    /** The web sink's Redis JSON of a WEB list with the given concerts in rank order. */
    public static String webSetJson(String recommendationId, String guestId, String... concertIds) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < concertIds.length; i++) {
            if (i > 0) {
                items.append(',');
            }
            items.append("{\"concertId\":\"").append(concertIds[i]).append("\",\"rank\":").append(i + 1)
                    .append(",\"score\":").append(1.0 - i * 0.1).append(",\"model\":\"concept-match\",\"reasons\":[")
                    .append("{\"code\":\"SIMILAR_CONTENT\",\"text\":\"Fordi du kan lide jazz\",\"concept\":\"jazz\"}]}");
        }
        return "{\"recommendationId\":\"" + recommendationId + "\",\"guestId\":\"" + guestId
                + "\",\"channel\":\"WEB\",\"arm\":\"concept-match\",\"holdout\":false,\"language\":\"da\","
                + "\"generatedAt\":\"2026-11-23T11:59:59Z\",\"expiresAt\":null,\"items\":[" + items + "]}";
    }
}
