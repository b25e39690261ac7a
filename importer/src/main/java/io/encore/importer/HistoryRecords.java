package io.encore.importer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.LinkReason;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PriceRange;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.avro.Work;
import io.encore.schemas.topic.GuestKeys;

/**
 * The six row formats of docs/import.md, each turned into its topic's record and key. Every check the page
 * names is made here, so a row that passes is one the apps can use.
 */
final class HistoryRecords {

    /** A record and the key it is produced under. */
    record Keyed<V>(String key, V value) {
    }

    private HistoryRecords() {
    }

    static Keyed<Concert> concert(CsvRow row) throws RowRejectedException {
        String concertId = row.required("concertId");
        Concert.Builder concert = Concert.newBuilder()
                .setConcertId(concertId)
                .setVersion(row.requiredLong("version", 0))
                .setUpdatedAt(row.requiredTimestamp("updatedAt"))
                .setTitle(row.required("title"))
                .setDescription(row.optional("description").orElse(null))
                .setLanguage(row.language("language", true))
                .setTranslations(translations(row))
                .setPerformers(performers(row))
                .setComposers(strings(row, "composers"))
                .setWorks(works(row))
                .setTags(strings(row, "tags"))
                .setHall(row.optional("hall").orElse(null))
                .setSeason(row.optional("season").orElse(null))
                .setStartTime(row.optionalTimestamp("startTime"))
                .setEndTime(row.optionalTimestamp("endTime"))
                .setStatus(row.symbol("status", ConcertStatus.class))
                .setPriceRange(priceRange(row))
                .setCapacity(row.optionalInt("capacity", 0))
                .setSeatsAvailable(row.optionalInt("seatsAvailable", 0))
                .setUrl(row.optional("url").orElse(null))
                .setImageUrl(row.optional("imageUrl").orElse(null));
        return new Keyed<>(concertId, concert.build());
    }

    static Keyed<TicketSale> ticketSale(CsvRow row) throws RowRejectedException {
        TicketSale sale = TicketSale.newBuilder()
                .setEventId(row.required("eventId"))
                .setOccurredAt(row.requiredTimestamp("occurredAt"))
                .setIdentifier(row.identifier("identifier"))
                .setType(row.symbol("type", TicketSaleType.class))
                .setOrderId(row.required("orderId"))
                .setConcertId(row.required("concertId"))
                .setSalesChannel(row.symbol("salesChannel", SalesChannel.class))
                .setSeats(row.requiredInt("seats", 1))
                .setAmountMinor(row.requiredLong("amountMinor", 1))
                .setCurrency(row.currency("currency"))
                .setPriceBand(row.optional("priceBand").orElse(null))
                .setRecommendationId(row.optional("recommendationId").orElse(null))
                .setSource(row.required("source"))
                .build();
        return new Keyed<>(GuestKeys.key(sale.getIdentifier()), sale);
    }

    static Keyed<IdentityLink> identityLink(CsvRow row) throws RowRejectedException {
        IdentityLink link = IdentityLink.newBuilder()
                .setEventId(row.required("eventId"))
                .setOccurredAt(row.requiredTimestamp("occurredAt"))
                .setFrom(row.identifier("from"))
                .setTo(row.identifier("to"))
                .setReason(row.symbol("reason", LinkReason.class))
                .setSource(row.required("source"))
                .build();
        if (link.getFrom().equals(link.getTo())) {
            throw new RowRejectedException("to", "links an identifier to itself");
        }
        return new Keyed<>(GuestKeys.key(link.getFrom()), link);
    }

    static Keyed<GuestConsent> guestConsent(CsvRow row) throws RowRejectedException {
        GuestConsent consent = GuestConsent.newBuilder()
                .setEventId(row.required("eventId"))
                .setOccurredAt(row.requiredTimestamp("occurredAt"))
                .setIdentifier(row.identifier("identifier"))
                .setProfilingConsent(row.requiredBoolean("profilingConsent"))
                .setEmailConsent(row.requiredBoolean("emailConsent"))
                .setAdsConsent(row.requiredBoolean("adsConsent"))
                .setWebPersonalizationConsent(row.requiredBoolean("webPersonalizationConsent"))
                .setPrintConsent(row.requiredBoolean("printConsent"))
                .setErasureRequested(row.requiredBoolean("erasureRequested"))
                .setPolicyVersion(row.optional("policyVersion").orElse(null))
                .setSource(row.required("source"))
                .build();
        if (consent.getErasureRequested() && (consent.getProfilingConsent() || consent.getEmailConsent()
                || consent.getAdsConsent() || consent.getWebPersonalizationConsent() || consent.getPrintConsent())) {
            throw new RowRejectedException("erasureRequested", "an erasure request with a consent still true");
        }
        return new Keyed<>(GuestKeys.key(consent.getIdentifier()), consent);
    }

    static Keyed<GuestContact> guestContact(CsvRow row) throws RowRejectedException {
        String guestId = row.required("guestId");
        if (GuestKeys.parse(guestId).filter(id -> id.getType().name().equals("GUEST_ID")).isEmpty()) {
            throw new RowRejectedException("guestId", "'" + CsvRow.shorten(guestId) + "' is not GUEST_ID:<id>");
        }
        String phone = row.optional("phone").orElse(null);
        if (phone != null && !phone.matches("\\+[1-9][0-9]{6,14}")) {
            throw new RowRejectedException("phone", "not an E.164 number such as +4512345678");
        }
        GuestContact contact = GuestContact.newBuilder()
                .setGuestId(guestId)
                .setUpdatedAt(row.requiredTimestamp("updatedAt"))
                .setEmail(row.optional("email").orElse(null))
                .setPhone(phone)
                .setFirstName(row.optional("firstName").orElse(null))
                .setLastName(row.optional("lastName").orElse(null))
                .setPreferredLanguage(row.language("preferredLanguage", false))
                .setPostalAddress(postalAddress(row))
                .build();
        return new Keyed<>(guestId, contact);
    }

    static Keyed<MarketSpend> marketSpend(CsvRow row) throws RowRejectedException {
        MarketSpend spend = MarketSpend.newBuilder()
                .setEventId(row.required("eventId"))
                .setOccurredAt(row.requiredTimestamp("occurredAt"))
                .setIdentifier(row.identifier("identifier"))
                .setCategory(row.required("category"))
                .setAmountMinor(row.requiredLong("amountMinor", 0))
                .setCurrency(row.currency("currency"))
                .setSource(row.required("source"))
                .build();
        return new Keyed<>(GuestKeys.key(spend.getIdentifier()), spend);
    }

    private static PriceRange priceRange(CsvRow row) throws RowRejectedException {
        Long min = row.optionalLong("minPriceMinor", 0);
        Long max = row.optionalLong("maxPriceMinor", 0);
        if (min == null && max == null) {
            return null;
        }
        if (min == null || max == null) {
            throw new RowRejectedException(min == null ? "minPriceMinor" : "maxPriceMinor",
                    "required when the other price is given");
        }
        if (min > max) {
            throw new RowRejectedException("minPriceMinor", min + " is above maxPriceMinor " + max);
        }
        return new PriceRange(min, max, row.currency("currency"));
    }

    private static PostalAddress postalAddress(CsvRow row) throws RowRejectedException {
        List<String> lines = strings(row, "addressLines", false);
        if (lines.isEmpty()) {
            return null;
        }
        String country = row.required("country");
        if (!country.matches("[A-Z]{2}")) {
            throw new RowRejectedException("country", "'" + CsvRow.shorten(country) + "' is not an upper-case ISO 3166-1 alpha-2 code");
        }
        return PostalAddress.newBuilder().setLines(lines).setPostalCode(row.required("postalCode"))
                .setCity(row.required("city")).setRegion(row.optional("region").orElse(null)).setCountry(country)
                .build();
    }

    private static List<LocalizedText> translations(CsvRow row) throws RowRejectedException {
        List<LocalizedText> translations = new ArrayList<>();
        for (JsonNode node : row.jsonArray("translations", true)) {
            String language = text(node, "language", "translations");
            if (!language.matches("[a-z]{2}")) {
                throw new RowRejectedException("translations", "language '" + CsvRow.shorten(language) + "' is not an ISO 639-1 code");
            }
            translations.add(new LocalizedText(language, text(node, "title", "translations"),
                    optionalText(node, "description")));
        }
        return translations;
    }

    private static List<Performer> performers(CsvRow row) throws RowRejectedException {
        List<Performer> performers = new ArrayList<>();
        for (JsonNode node : row.jsonArray("performers", true)) {
            String role = text(node, "role", "performers");
            PerformerRole symbol;
            try {
                symbol = PerformerRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new RowRejectedException("performers", "role '" + CsvRow.shorten(role) + "' is not a PerformerRole");
            }
            if (symbol == PerformerRole.UNKNOWN) {
                throw new RowRejectedException("performers", "role UNKNOWN is not accepted from a file");
            }
            performers.add(new Performer(text(node, "name", "performers"), symbol));
        }
        return performers;
    }

    private static List<Work> works(CsvRow row) throws RowRejectedException {
        List<Work> works = new ArrayList<>();
        for (JsonNode node : row.jsonArray("works", true)) {
            works.add(new Work(text(node, "title", "works"), optionalText(node, "composer")));
        }
        return works;
    }

    private static List<String> strings(CsvRow row, String column) throws RowRejectedException {
        return strings(row, column, true);
    }

    private static List<String> strings(CsvRow row, String column, boolean required) throws RowRejectedException {
        List<String> values = new ArrayList<>();
        for (JsonNode node : row.jsonArray(column, required)) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw new RowRejectedException(column, "expected an array of non-empty strings");
            }
            values.add(node.asText());
        }
        return values;
    }

    private static String text(JsonNode node, String field, String column) throws RowRejectedException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RowRejectedException(column, "an element without \"" + field + "\"");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
