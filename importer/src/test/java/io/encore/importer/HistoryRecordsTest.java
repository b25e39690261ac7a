package io.encore.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.TicketSale;

/** Rows of docs/import.md turned into records, and the reasons bad rows are refused with. */
class HistoryRecordsTest {

    private static CsvRow row(String header, String line) {
        try {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(header + "\r\n" + line + "\r\n")).getRecords();
            return new CsvRow(records.get(0), 2);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldReadEveryColumnOfAConcertWhenTheRowIsComplete() throws Exception {
        // when
        HistoryRecords.Keyed<Concert> keyed = HistoryRecords.concert(row(HistoryFixtures.CONCERTS_HEADER,
                HistoryFixtures.concert("c-1", 3, "2026-09-27T14:00:00Z")));
        // then
        Concert concert = keyed.value();
        assertThat(keyed.key()).isEqualTo("c-1");
        assertThat(concert.getVersion()).isEqualTo(3);
        assertThat(concert.getDescription()).isEqualTo("Kor, klart og smukt");
        assertThat(concert.getTranslations()).singleElement().satisfies(t -> {
            assertThat(t.getLanguage()).isEqualTo("en");
            assertThat(t.getDescription()).isNull();
        });
        assertThat(concert.getPerformers()).singleElement().satisfies(p -> assertThat(p.getRole()).isEqualTo(PerformerRole.ENSEMBLE));
        assertThat(concert.getComposers()).containsExactly("Carl Nielsen");
        assertThat(concert.getWorks()).singleElement().satisfies(w -> assertThat(w.getComposer()).isEqualTo("Carl Nielsen"));
        assertThat(concert.getTags()).containsExactly("klassisk", "kor");
        assertThat(concert.getStartTime()).isEqualTo(Instant.parse("2026-09-27T14:00:00Z"));
        assertThat(concert.getEndTime()).isNull();
        assertThat(concert.getStatus()).isEqualTo(ConcertStatus.ON_SALE);
        assertThat(concert.getPriceRange().getMinAmountMinor()).isEqualTo(9500);
        assertThat(concert.getPriceRange().getCurrency()).isEqualTo("DKK");
        assertThat(concert.getCapacity()).isEqualTo(540);
        assertThat(concert.getUrl()).isNull();
    }

    @Test
    void shouldKeyATicketSaleByItsIdentifierWhenTheRowIsValid() throws Exception {
        // when
        HistoryRecords.Keyed<TicketSale> keyed = HistoryRecords.ticketSale(row(HistoryFixtures.SALES_HEADER,
                HistoryFixtures.sale("e-1", "2025-09-01T01:55:03.027Z", "LOYALTY_CARD:7064", "c-1")));
        // then
        assertThat(keyed.key()).isEqualTo("LOYALTY_CARD:7064");
        assertThat(keyed.value().getIdentifier().getType()).isEqualTo(IdentifierType.LOYALTY_CARD);
        assertThat(keyed.value().getOccurredAt()).isEqualTo(Instant.parse("2025-09-01T01:55:03.027Z"));
        assertThat(keyed.value().getSeats()).isEqualTo(2);
        assertThat(keyed.value().getRecommendationId()).isNull();
    }

    @Test
    void shouldNameTheColumnAndWhyWhenATicketSaleCannotBeUsed() {
        String header = HistoryFixtures.SALES_HEADER;
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,PURCHASE,o,c,WEB,0,100,DKK,,,s", "seats", "0 is below 1");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,PURCHASE,o,c,WEB,1,-5,DKK,,,s", "amountMinor", "-5 is below 1");
        assertRejected(header, "e,2025-09-01T01:55:03Z,SHOE:x,PURCHASE,o,c,WEB,1,100,DKK,,,s", "identifier", "'SHOE:x' is not an identifier");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,GIFT,o,c,WEB,1,100,DKK,,,s", "type", "'GIFT' is not one of PURCHASE, REFUND");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,UNKNOWN,o,c,WEB,1,100,DKK,,,s", "type", "'UNKNOWN' is not one of");
        assertRejected(header, "e,01/09/2025,COOKIE:x,PURCHASE,o,c,WEB,1,100,DKK,,,s", "occurredAt", "not an ISO-8601 instant");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,PURCHASE,o,,WEB,1,100,DKK,,,s", "concertId", "required value is empty");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,PURCHASE,o,c,WEB,1,100,kr,,,s", "currency", "'kr' is not an upper-case ISO 4217 code");
        assertRejected(header, "e,2025-09-01T01:55:03Z,COOKIE:x,PURCHASE,o,c,WEB,two,100,DKK,,,s", "seats", "'two' is not a whole number");
    }

    @Test
    void shouldRefuseConcertRowsWithBrokenJsonOrPricesWhenChecked() {
        String good = HistoryFixtures.concert("c-1", 1, "2026-09-27T14:00:00Z");
        assertRejected(HistoryFixtures.CONCERTS_HEADER, good.replace("\"[\"\"Carl Nielsen\"\"]\"", "\"[Carl\""),
                "composers", "not JSON");
        assertRejected(HistoryFixtures.CONCERTS_HEADER, good.replace("ENSEMBLE", "CHOIRMASTER"),
                "performers", "role 'CHOIRMASTER' is not a PerformerRole");
        assertRejected(HistoryFixtures.CONCERTS_HEADER, good.replace(",9500,25500,", ",30000,25500,"),
                "minPriceMinor", "30000 is above maxPriceMinor 25500");
        assertRejected(HistoryFixtures.CONCERTS_HEADER, good.replace(",9500,25500,DKK,", ",9500,,DKK,"),
                "maxPriceMinor", "required when the other price is given");
        assertRejected(HistoryFixtures.CONCERTS_HEADER, good.replace(",ON_SALE,", ",SOON,"), "status", "'SOON' is not one of");
    }

    @Test
    void shouldBuildAPostalAddressOnlyWhenTheContactHasAddressLines() throws Exception {
        // given
        String header = HistoryFixtures.CONTACTS_HEADER;
        // when
        GuestContact with = HistoryRecords.guestContact(row(header,
                "GUEST_ID:g-1,2014-09-23T20:03:13.375Z,t@example.com,+4512345678,Thomas,Poulsen,da,\"[\"\"Møllevej 100\"\"]\",2800,Kongens Lyngby,,DK")).value();
        GuestContact without = HistoryRecords.guestContact(row(header,
                "GUEST_ID:g-2,2014-09-23T20:03:13.375Z,,,,,en,,,,,")).value();
        // then
        assertThat(with.getPostalAddress().getLines()).containsExactly("Møllevej 100");
        assertThat(with.getPostalAddress().getCity()).isEqualTo("Kongens Lyngby");
        assertThat(without.getPostalAddress()).isNull();
        assertThat(without.getEmail()).isNull();
        assertRejected(header, "GUEST_ID:g-3,2014-09-23T20:03:13Z,,,,,da,\"[\"\"Vej 1\"\"]\",,Byen,,DK", "postalCode", "required");
        assertRejected(header, "COOKIE:g-3,2014-09-23T20:03:13Z,,,,,da,,,,,", "guestId", "is not GUEST_ID:<id>");
        assertRejected(header, "GUEST_ID:g-3,2014-09-23T20:03:13Z,,12345678,,,da,,,,,", "phone", "E.164");
        assertRejected(header, "GUEST_ID:g-3,2014-09-23T20:03:13Z,,,,,Danish,,,,,", "preferredLanguage", "ISO 639-1");
    }

    @Test
    void shouldRefuseAnErasureThatKeepsAConsentWhenChecked() {
        assertRejected(HistoryFixtures.CONSENTS_HEADER, "e,2025-01-01T00:00:00Z,GUEST_ID:g,true,false,false,false,false,true,,s",
                "erasureRequested", "an erasure request with a consent still true");
        assertRejected(HistoryFixtures.CONSENTS_HEADER, "e,2025-01-01T00:00:00Z,GUEST_ID:g,yes,false,false,false,false,false,,s",
                "profilingConsent", "'yes' is not true or false");
    }

    @Test
    void shouldRefuseALinkOfAnIdentifierToItselfWhenChecked() {
        assertRejected(HistoryFixtures.LINKS_HEADER, HistoryFixtures.link("e", "2025-01-01T00:00:00Z", "COOKIE:a", "COOKIE:a"),
                "to", "links an identifier to itself");
    }

    private static void assertRejected(String header, String line, String column, String reason) {
        HistoryFile file = switch (header) {
            case HistoryFixtures.CONCERTS_HEADER -> HistoryFile.CONCERTS;
            case HistoryFixtures.SALES_HEADER -> HistoryFile.TICKET_SALES;
            case HistoryFixtures.LINKS_HEADER -> HistoryFile.IDENTITY_LINKS;
            case HistoryFixtures.CONSENTS_HEADER -> HistoryFile.GUEST_CONSENTS;
            case HistoryFixtures.CONTACTS_HEADER -> HistoryFile.GUEST_CONTACTS;
            default -> throw new IllegalArgumentException(header);
        };
        assertThatThrownBy(() -> file.check(row(header, line))).as(line)
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).contains(reason);
                });
    }
}
