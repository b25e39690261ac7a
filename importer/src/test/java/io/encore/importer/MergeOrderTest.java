package io.encore.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order rows are handled in: the catalogue first, then the guest-keyed files merged by time, read here
 * through the rejects file (every row of this test is rejected, so each one leaves a line in handling order).
 */
class MergeOrderTest {

    @TempDir
    Path dir;

    @Test
    void shouldHandleTheCatalogueFirstAndThenEveryGuestFileInTimeOrderWhenImporting() throws IOException {
        // given: every row bad in its source column, so each is rejected in the order it is handled
        HistoryFixtures.write(dir, "ticket-sales.csv", HistoryFixtures.SALES_HEADER, List.of(
                HistoryFixtures.sale("sale-1", "2020-01-02T00:00:00Z", "GUEST_ID:g", "c").replace(",test", ","),
                HistoryFixtures.sale("sale-2", "2020-01-05T00:00:00Z", "GUEST_ID:g", "c").replace(",test", ",")));
        HistoryFixtures.write(dir, "identity-links.csv", HistoryFixtures.LINKS_HEADER, List.of(
                HistoryFixtures.link("link-1", "2020-01-01T00:00:00Z", "COOKIE:a", "GUEST_ID:g").replace(",test", ","),
                HistoryFixtures.link("link-2", "2020-01-03T00:00:00Z", "COOKIE:b", "GUEST_ID:g").replace(",test", ",")));
        HistoryFixtures.write(dir, "guest-consents.csv", HistoryFixtures.CONSENTS_HEADER, List.of(
                HistoryFixtures.consent("consent-1", "2020-01-04T00:00:00Z", "GUEST_ID:g").replace(",test", ",")));
        HistoryFixtures.write(dir, "concerts.csv", HistoryFixtures.CONCERTS_HEADER, List.of(
                HistoryFixtures.concert("c", 1, "2030-01-01T00:00:00Z").replace(",ON_SALE,", ",,")));
        // when
        Importer.run(new Importer.Settings(dir, HistoryFixtures.topics("merge-" + UUID.randomUUID()),
                HistoryFixtures.noKafka(), dir.resolve("rejects.csv"), 10, true, null), progress -> { });
        // then: the reject lines in handling order, as file:first value of the row
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.csv"));
        assertThat(rejects).hasSize(7);
        assertThat(rejects.subList(1, 7))
                .extracting(line -> line.split(",")[0] + ":" + line.split(",")[4].replace("\"", ""))
                .containsExactly("concerts.csv:c", "identity-links.csv:link-1", "ticket-sales.csv:sale-1",
                        "identity-links.csv:link-2", "guest-consents.csv:consent-1", "ticket-sales.csv:sale-2");
    }
}
