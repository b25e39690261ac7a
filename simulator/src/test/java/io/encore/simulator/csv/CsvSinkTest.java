package io.encore.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.simulator.history.HistoryGenerator;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

class CsvSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static HistoryGenerator.Summary summary;

    @BeforeAll
    static void writeTwoYearsOfHistory() {
        HistoryExport export = new HistoryExport(5, 1500, 150, LocalDate.of(2026, 9, 1), 2);
        try (CsvSink sink = new CsvSink(directory)) {
            summary = export.writeTo(sink);
        }
    }

    @Test
    void shouldNameTheColumnsExactlyAsDocsImportMdDefinesThem() throws IOException {
        // when
        Map<String, List<ImportDoc.Column>> documented = ImportDoc.files();

        // then
        assertThat(documented.keySet()).containsExactlyInAnyOrder(
                Arrays.stream(CsvFormat.values()).map(CsvFormat::fileName).toArray(String[]::new));
        for (CsvFormat format : CsvFormat.values()) {
            assertThat(documented.get(format.fileName()).stream().map(ImportDoc.Column::name).toList())
                    .as(format.fileName()).isEqualTo(format.columns());
        }
    }

    @Test
    void shouldWriteRfc4180FilesWhoseEveryValueHasItsDocumentedType() throws IOException {
        Map<String, List<ImportDoc.Column>> documented = ImportDoc.files();
        for (CsvFormat format : CsvFormat.values()) {
            List<List<String>> rows = read(format);
            List<ImportDoc.Column> columns = documented.get(format.fileName());
            assertThat(rows.get(0)).as(format.fileName()).isEqualTo(format.columns());
            assertThat(rows.size()).as(format.fileName() + " has data").isGreaterThan(10);
            for (List<String> row : rows.subList(1, rows.size())) {
                assertThat(row).as(format.fileName()).hasSameSizeAs(columns);
                for (int i = 0; i < columns.size(); i++) {
                    checkValue(format.fileName(), columns.get(i), row.get(i));
                }
            }
        }
        assertThat(summary.purchases()).isEqualTo(read(CsvFormat.TICKET_SALES).stream().filter(r -> r.get(3).equals("PURCHASE")).count());
    }

    @Test
    void shouldSortTheEventFilesByTime() throws IOException {
        assertSorted(CsvFormat.TICKET_SALES, 1);
        assertSorted(CsvFormat.IDENTITY_LINKS, 1);
        assertSorted(CsvFormat.GUEST_CONSENTS, 1);
        assertSorted(CsvFormat.MARKET_SPEND, 1);
        assertSorted(CsvFormat.GUEST_CONTACTS, 1);
        assertSorted(CsvFormat.CONCERTS, 13);
    }

    @Test
    void shouldQuoteCommasQuotesAndLineBreaksSoTheyReadBackUnchanged(@TempDir Path own) throws IOException {
        // given
        String description = "Line one, with a comma\r\nand \"quotes\"\nand a line feed";
        Concert concert = Concert.newBuilder().setConcertId("c-1").setTitle("A, \"B\"").setDescription(description)
                .setLanguage("da").setTranslations(List.of(new LocalizedText("en", "T", "D, \"quoted\""))).setStatus(ConcertStatus.ON_SALE)
                .setVersion(3).setUpdatedAt(Instant.parse("2026-01-02T03:04:05.678Z")).build();

        // when
        try (CsvSink sink = new CsvSink(own)) {
            sink.accept(new SimRecord(OutputTopic.CONCERTS, "c-1", concert));
        }

        // then
        List<String> row = Rfc4180.parse(Files.readString(own.resolve("concerts.csv"), StandardCharsets.UTF_8)).get(1);
        assertThat(row.get(0)).isEqualTo("c-1");
        assertThat(row.get(1)).isEqualTo("3");
        assertThat(row.get(2)).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(row.get(3)).isEqualTo("A, \"B\"");
        assertThat(row.get(4)).isEqualTo(description);
        assertThat(JSON.readTree(row.get(6)).get(0).get("description").asText()).isEqualTo("D, \"quoted\"");
        assertThat(row.get(11)).as("absent hall").isEmpty();
        assertThat(row.get(16)).as("absent price").isEmpty();
    }

    @Test
    void shouldWriteTwoHundredThousandTicketSalesRowsParseably(@TempDir Path own) throws IOException {
        // given
        int rows = 200_000;
        long started = System.nanoTime();

        // when
        try (CsvSink sink = new CsvSink(own)) {
            for (int i = 0; i < rows; i++) {
                TicketSale sale = new TicketSale("o" + i + ":1:PURCHASE", Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L),
                        new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + (i % 5000)), TicketSaleType.PURCHASE, "o" + i,
                        "c2026-" + (i % 400), SalesChannel.WEB, 1 + i % 4, 29_500L * (1 + i % 4), "DKK", "B", null, "test");
                sink.accept(new SimRecord(OutputTopic.TICKET_SALES, "GUEST_ID:g-" + (i % 5000), sale));
            }
            assertThat(sink.rows(CsvFormat.TICKET_SALES)).isEqualTo(rows);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // then: noted, not asserted — the rate depends on the machine
        Path file = own.resolve("ticket-sales.csv");
        System.out.printf("CsvSinkTest: %,d ticket-sales rows, %,d bytes, %.2f s (%,.0f rows/s)%n", rows, Files.size(file),
                seconds, rows / seconds);
        List<List<String>> parsed = Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(parsed).hasSize(rows + 1);
        assertThat(parsed.get(rows)).containsExactly("o199999:1:PURCHASE", "2023-11-17T05:46:39Z", "GUEST_ID:g-4999",
                "PURCHASE", "o199999", "c2026-399", "WEB", "4", "118000", "DKK", "B", "", "test");
    }

    @Test
    void shouldRefuseRecordsThatHaveNoCsvFile(@TempDir Path own) {
        ClickEvent click = ClickEvent.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH)
                .setIdentifier(new GuestIdentifier(IdentifierType.COOKIE, "c")).setSessionId("s").setType(ClickType.PAGE_VIEW)
                .setPageUrl("https://hall.example/").setSource("test").build();
        try (CsvSink sink = new CsvSink(own)) {
            assertThatThrownBy(() -> sink.accept(new SimRecord(OutputTopic.CLICK_EVENTS, "COOKIE:c", click)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("click-events");
        }
    }

    private static void checkValue(String file, ImportDoc.Column column, String value) {
        String where = file + " " + column.name() + "='" + value + "'";
        if (value.isEmpty()) {
            assertThat(column.required()).as(where + " is required").isFalse();
            return;
        }
        switch (column.type()) {
            case "timestamp" -> assertThat(Instant.parse(value)).as(where).isNotNull();
            case "int", "long" -> assertThat(value).as(where).matches("\\d+");
            case "boolean" -> assertThat(value).as(where).isIn("true", "false");
            case "identifier" -> assertThat(GuestKeys.parse(value)).as(where).isPresent();
            case "enum" -> assertThat(value).as(where).matches("[A-Z_]+");
            case "json" -> assertThat(readJson(value).isArray()).as(where).isTrue();
            case "string" -> assertThat(value).as(where).isNotBlank();
            default -> throw new AssertionError("undocumented type " + column.type() + " of " + where);
        }
    }

    private static JsonNode readJson(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private static void assertSorted(CsvFormat format, int column) throws IOException {
        List<List<String>> rows = read(format);
        for (int i = 2; i < rows.size(); i++) {
            assertThat(Instant.parse(rows.get(i).get(column))).as(format.fileName() + " row " + i)
                    .isAfterOrEqualTo(Instant.parse(rows.get(i - 1).get(column)));
        }
    }

    private static List<List<String>> read(CsvFormat format) throws IOException {
        return Rfc4180.parse(Files.readString(directory.resolve(format.fileName()), StandardCharsets.UTF_8));
    }
}
