package io.encore.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer without a broker: a dry run checks every row of every file, writes the rejects file with the
 * file, line, column and reason of each bad row, and reports progress; files it cannot use stop it before
 * anything is produced. Producing, resuming and re-importing are tested against a real broker (ImportIT).
 */
class ImporterTest {

    @TempDir
    Path dir;

    private final List<Importer.Progress> reports = new ArrayList<>();

    private Importer.Result dryRun() {
        return Importer.run(new Importer.Settings(dir, HistoryFixtures.topics("importer-" + UUID.randomUUID()),
                HistoryFixtures.noKafka(), dir.resolve("out/rejects.csv"), 100, true, null), reports::add);
    }

    @Test
    void shouldListEveryBadRowWithItsLineColumnAndReasonAndCountTheRestWhenDryRun() throws IOException {
        // given: a concert with a quoted line break in its description (two physical lines), then a bad sale
        HistoryFixtures.write(dir, "concerts.csv", HistoryFixtures.CONCERTS_HEADER, List.of(
                HistoryFixtures.concert("c-1", 1, "2026-09-27T14:00:00Z").replace("Kor, klart og smukt", "Kor,\nklart"),
                HistoryFixtures.concert("c-2", 1, "2026-10-01T18:00:00Z")));
        HistoryFixtures.write(dir, "ticket-sales.csv", HistoryFixtures.SALES_HEADER, List.of(
                HistoryFixtures.sale("e-1", "2025-09-01T10:00:00Z", "GUEST_ID:g-1", "c-1"),
                HistoryFixtures.sale("e-2", "2025-09-02T10:00:00Z", "GUEST_ID:g-1", "c-1").replace(",2,19000,", ",0,19000,"),
                HistoryFixtures.sale("e-3", "2025-09-03T10:00:00Z", "NOPE:1", "c-2")));
        // when
        Importer.Result result = dryRun();
        // then
        assertThat(result.dryRun()).isTrue();
        assertThat(result.produced()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.files()).extracting(Importer.FileResult::file, Importer.FileResult::rows, Importer.FileResult::rejected)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("concerts.csv", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("ticket-sales.csv", 3L, 2L));
        List<String> rejects = Files.readAllLines(dir.resolve("out/rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects.get(0)).isEqualTo("file,line,column,reason,row");
        assertThat(rejects.get(1)).startsWith("ticket-sales.csv,3,seats,0 is below 1,").contains("e-2");
        assertThat(rejects.get(2)).startsWith("ticket-sales.csv,4,identifier,").contains("NOPE:1");
        assertThat(reports).last().satisfies(last -> {
            assertThat(last.done()).isTrue();
            assertThat(last.fraction()).isEqualTo(1.0);
            assertThat(last.rows()).isEqualTo(5);
        });
    }

    @Test
    void shouldCountTheLineOfARowAfterAQuotedLineBreakWhenRejecting() throws IOException {
        // given: the first concert spans lines 2-3, so the second starts on line 4
        HistoryFixtures.write(dir, "concerts.csv", HistoryFixtures.CONCERTS_HEADER, List.of(
                HistoryFixtures.concert("c-1", 1, "2026-09-27T14:00:00Z").replace("Kor, klart og smukt", "Kor,\nklart"),
                HistoryFixtures.concert("c-2", 1, "2026-10-01T18:00:00Z").replace(",ON_SALE,", ",SOON,")));
        // when
        dryRun();
        // then
        assertThat(Files.readAllLines(dir.resolve("out/rejects.csv")).get(1)).startsWith("concerts.csv,4,status,");
    }

    @Test
    void shouldKeepOnlyTheHighestVersionOfAConcertWhenTheFileHoldsSeveral() throws IOException {
        // given
        HistoryFixtures.write(dir, "concerts.csv", HistoryFixtures.CONCERTS_HEADER, List.of(
                HistoryFixtures.concert("c-1", 2, "2026-09-27T14:00:00Z"),
                HistoryFixtures.concert("c-1", 1, "2026-09-27T14:00:00Z"),
                HistoryFixtures.concert("c-2", 1, "2026-10-01T18:00:00Z")));
        // when
        Importer.Result result = dryRun();
        // then
        assertThat(result.files()).singleElement().satisfies(file -> {
            assertThat(file.produced()).isEqualTo(2);
            assertThat(file.superseded()).isEqualTo(1);
        });
    }

    @Test
    void shouldStopBeforeProducingAnythingWhenAFileLacksARequiredColumn() throws IOException {
        // given
        HistoryFixtures.write(dir, "ticket-sales.csv", "eventId,occurredAt,identifier", List.of("e,2025-01-01T00:00:00Z,COOKIE:a"));
        // when / then
        assertThatThrownBy(this::dryRun).isInstanceOf(ImportException.class)
                .hasMessageContaining("ticket-sales.csv").hasMessageContaining("type, orderId, concertId");
    }

    @Test
    void shouldSayWhichFilesItLooksForWhenTheDirectoryHasNone() {
        assertThatThrownBy(this::dryRun).isInstanceOf(ImportException.class)
                .hasMessageContaining("holds none of the history files").hasMessageContaining("ticket-sales.csv");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8WhenReading() throws IOException {
        // given: Latin-1 bytes for "Møllevej"
        Files.write(dir.resolve("identity-links.csv"), (HistoryFixtures.LINKS_HEADER + "\r\ne,2025-01-01T00:00:00Z,COOKIE:M\u00f8,GUEST_ID:g,LOGIN,s\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        // when / then
        assertThatThrownBy(this::dryRun).isInstanceOf(ImportException.class).hasMessageContaining("identity-links.csv");
    }

    @Test
    void shouldGiveTheSameIdToTheSameFilesAndAnotherWhenAByteChanges() throws IOException {
        // given
        Path sales = HistoryFixtures.write(dir, "ticket-sales.csv", HistoryFixtures.SALES_HEADER,
                List.of(HistoryFixtures.sale("e-1", "2025-09-01T10:00:00Z", "GUEST_ID:g-1", "c-1")));
        String first = Importer.importId(Map.of(HistoryFile.TICKET_SALES, sales));
        // when
        String again = Importer.importId(Map.of(HistoryFile.TICKET_SALES, sales));
        Files.writeString(sales, Files.readString(sales).replace("19000", "19001"));
        String changed = Importer.importId(Map.of(HistoryFile.TICKET_SALES, sales));
        // then
        assertThat(again).isEqualTo(first).hasSize(64);
        assertThat(changed).isNotEqualTo(first);
    }
}
