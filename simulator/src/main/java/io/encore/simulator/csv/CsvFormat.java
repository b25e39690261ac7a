package io.encore.simulator.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.avro.specific.SpecificRecord;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.TicketSale;
import io.encore.simulator.output.OutputTopic;

/**
 * The history files and their columns, exactly as docs/import.md defines them (a test compares the two).
 * Column names are the Avro field names; an identifier is one {@code TYPE:value} column.
 */
public enum CsvFormat {

    CONCERTS("concerts.csv", OutputTopic.CONCERTS, List.of("concertId", "version", "updatedAt", "title", "description",
            "language", "translations", "performers", "composers", "works", "tags", "hall", "season", "startTime", "endTime",
            "status", "minPriceMinor", "maxPriceMinor", "currency", "capacity", "seatsAvailable", "url", "imageUrl"),
            (row, value) -> concert(row, (Concert) value)),

    TICKET_SALES("ticket-sales.csv", OutputTopic.TICKET_SALES, List.of("eventId", "occurredAt", "identifier", "type",
            "orderId", "concertId", "salesChannel", "seats", "amountMinor", "currency", "priceBand", "recommendationId", "source"),
            (row, value) -> {
                TicketSale s = (TicketSale) value;
                row.text(s.getEventId()).time(s.getOccurredAt()).identifier(s.getIdentifier()).symbol(s.getType())
                        .text(s.getOrderId()).text(s.getConcertId()).symbol(s.getSalesChannel()).number(s.getSeats())
                        .number(s.getAmountMinor()).text(s.getCurrency()).text(s.getPriceBand())
                        .text(s.getRecommendationId()).text(s.getSource());
            }),

    IDENTITY_LINKS("identity-links.csv", OutputTopic.IDENTITY_LINKS, List.of("eventId", "occurredAt", "from", "to",
            "reason", "source"),
            (row, value) -> {
                IdentityLink l = (IdentityLink) value;
                row.text(l.getEventId()).time(l.getOccurredAt()).identifier(l.getFrom()).identifier(l.getTo())
                        .symbol(l.getReason()).text(l.getSource());
            }),

    GUEST_CONSENTS("guest-consents.csv", OutputTopic.GUEST_CONSENTS, List.of("eventId", "occurredAt", "identifier",
            "profilingConsent", "emailConsent", "adsConsent", "webPersonalizationConsent", "printConsent",
            "erasureRequested", "policyVersion", "source"),
            (row, value) -> {
                GuestConsent c = (GuestConsent) value;
                row.text(c.getEventId()).time(c.getOccurredAt()).identifier(c.getIdentifier()).flag(c.getProfilingConsent())
                        .flag(c.getEmailConsent()).flag(c.getAdsConsent()).flag(c.getWebPersonalizationConsent())
                        .flag(c.getPrintConsent()).flag(c.getErasureRequested()).text(c.getPolicyVersion()).text(c.getSource());
            }),

    GUEST_CONTACTS("guest-contacts.csv", OutputTopic.GUEST_CONTACTS, List.of("guestId", "updatedAt", "email", "phone",
            "firstName", "lastName", "preferredLanguage", "addressLines", "postalCode", "city", "region", "country"),
            (row, value) -> {
                GuestContact c = (GuestContact) value;
                row.text(c.getGuestId()).time(c.getUpdatedAt()).text(c.getEmail()).text(c.getPhone()).text(c.getFirstName())
                        .text(c.getLastName()).text(c.getPreferredLanguage());
                if (c.getPostalAddress() == null) {
                    row.text(null).text(null).text(null).text(null).text(null);
                } else {
                    row.json(c.getPostalAddress().getLines()).text(c.getPostalAddress().getPostalCode())
                            .text(c.getPostalAddress().getCity()).text(c.getPostalAddress().getRegion())
                            .text(c.getPostalAddress().getCountry());
                }
            }),

    MARKET_SPEND("market-spend.csv", OutputTopic.MARKET_SPEND, List.of("eventId", "occurredAt", "identifier", "category",
            "amountMinor", "currency", "source"),
            (row, value) -> {
                MarketSpend m = (MarketSpend) value;
                row.text(m.getEventId()).time(m.getOccurredAt()).identifier(m.getIdentifier()).text(m.getCategory())
                        .number(m.getAmountMinor()).text(m.getCurrency()).text(m.getSource());
            });

    private final String fileName;
    private final OutputTopic topic;
    private final List<String> columns;
    private final BiConsumer<CsvRow, SpecificRecord> writer;

    CsvFormat(String fileName, OutputTopic topic, List<String> columns, BiConsumer<CsvRow, SpecificRecord> writer) {
        this.fileName = fileName;
        this.topic = topic;
        this.columns = columns;
        this.writer = writer;
    }

    public String fileName() {
        return fileName;
    }

    public OutputTopic topic() {
        return topic;
    }

    public List<String> columns() {
        return columns;
    }

    void header(StringBuilder line) {
        CsvRow row = new CsvRow(line);
        columns.forEach(row::text);
        row.end();
    }

    void write(StringBuilder line, SpecificRecord value) {
        CsvRow row = new CsvRow(line);
        writer.accept(row, value);
        row.end();
    }

    private static void concert(CsvRow row, Concert c) {
        row.text(c.getConcertId()).number(c.getVersion()).time(c.getUpdatedAt()).text(c.getTitle()).text(c.getDescription())
                .text(c.getLanguage())
                .json(c.getTranslations().stream().map(t -> object("language", t.getLanguage(), "title", t.getTitle(),
                        "description", t.getDescription())).toList())
                .json(c.getPerformers().stream().map(p -> object("name", p.getName(), "role", p.getRole().name())).toList())
                .json(c.getComposers())
                .json(c.getWorks().stream().map(w -> object("title", w.getTitle(), "composer", w.getComposer())).toList())
                .json(c.getTags()).text(c.getHall()).text(c.getSeason()).time(c.getStartTime()).time(c.getEndTime())
                .symbol(c.getStatus())
                .number(c.getPriceRange() == null ? null : c.getPriceRange().getMinAmountMinor())
                .number(c.getPriceRange() == null ? null : c.getPriceRange().getMaxAmountMinor())
                .text(c.getPriceRange() == null ? null : c.getPriceRange().getCurrency())
                .number(c.getCapacity()).number(c.getSeatsAvailable()).text(c.getUrl()).text(c.getImageUrl());
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
