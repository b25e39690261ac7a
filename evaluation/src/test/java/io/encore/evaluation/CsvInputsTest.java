package io.encore.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvInputsTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadItemsWithPipeSeparatedTagsAndOptionalColumns() throws IOException {
        // given
        Path file = write("items.csv", """
                itemId,title,tags,description,startTime
                c1,Crooner night,jazz|vocal jazz,"A night of songs, with strings",1780000000
                c2,Organ hour,classical,,
                """);

        // when
        List<Item> items = CsvInputs.items(file, "en");

        // then
        assertThat(items).hasSize(2);
        assertThat(items.get(0).tags()).containsExactly("jazz", "vocal jazz");
        assertThat(items.get(0).description()).isEqualTo("A night of songs, with strings");
        assertThat(items.get(0).startTime()).isEqualTo(Instant.ofEpochSecond(1_780_000_000L));
        assertThat(items.get(1).description()).isNull();
        assertThat(items.get(1).startTime()).isNull();
        assertThat(items.get(1).language()).isEqualTo("en");
    }

    @Test
    void shouldReadInteractionsWithDefaultTypePurchase() throws IOException {
        // given
        Path file = write("interactions.csv", """
                guestId,itemId,timestamp,type,value
                g1,c1,1770000000,,450
                g1,c2,1770000100,view,
                """);

        // when
        List<Interaction> interactions = CsvInputs.interactions(file, Map.of("c1", item("c1"), "c2", item("c2")));

        // then
        assertThat(interactions).extracting(Interaction::type)
                .containsExactly(InteractionType.PURCHASE, InteractionType.VIEW);
        assertThat(interactions.get(0).value()).isEqualTo(450L);
        assertThat(interactions.get(1).value()).isNull();
    }

    @Test
    void shouldNameTheLineOfABadTimestamp() throws IOException {
        // given
        Path file = write("interactions.csv", """
                guestId,itemId,timestamp
                g1,c1,1770000000
                g2,c1,yesterday
                """);

        // when / then
        assertThatThrownBy(() -> CsvInputs.interactions(file, Map.of("c1", item("c1"))))
                .isInstanceOf(InputException.class)
                .hasMessage("interactions.csv line 3: timestamp 'yesterday' is neither epoch seconds nor an ISO-8601 instant");
    }

    @Test
    void shouldNameTheLineOfAnUnknownItem() throws IOException {
        // given
        Path file = write("interactions.csv", "guestId,itemId,timestamp\ng1,nope,1770000000\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.interactions(file, Map.of("c1", item("c1"))))
                .hasMessage("interactions.csv line 2: itemId 'nope' is not in the items file");
    }

    @Test
    void shouldCountLinesOfQuotedMultiLineFields() throws IOException {
        // given: the second item's description spans lines 3–4, so the bad row starts on line 5
        Path file = write("items.csv", """
                itemId,title,tags,description,startTime
                c1,One,jazz,,1780000000
                c2,Two,jazz,"first line
                second line",1780000000
                c3,Three,jazz,,soon
                """);

        // when / then
        assertThatThrownBy(() -> CsvInputs.items(file, "en"))
                .hasMessage("items.csv line 5: startTime 'soon' is neither epoch seconds nor an ISO-8601 instant");
    }

    @Test
    void shouldRefuseAHeaderWithoutTheRequiredColumns() throws IOException {
        // given
        Path file = write("items.csv", "id,title\nc1,One\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.items(file, "en"))
                .hasMessageStartingWith("items.csv line 1: the header lacks the column(s) [itemId, tags]");
    }

    @Test
    void shouldRefuseADuplicateItemIdNamingBothLines() throws IOException {
        // given
        Path file = write("items.csv", "itemId,title,tags\nc1,One,jazz\nc1,Again,jazz\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.items(file, "en"))
                .hasMessage("items.csv line 3: itemId 'c1' already on line 2");
    }

    @Test
    void shouldRefuseAnUnknownInteractionType() throws IOException {
        // given
        Path file = write("interactions.csv", "guestId,itemId,timestamp,type\ng1,c1,1770000000,rated\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.interactions(file, Map.of("c1", item("c1"))))
                .hasMessage("interactions.csv line 2: type 'rated' is not one of [purchase, view, favourite]");
    }

    @Test
    void shouldRefuseARowWithTooFewFields() throws IOException {
        // given
        Path file = write("interactions.csv", "guestId,itemId,timestamp\ng1,c1\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.interactions(file, Map.of("c1", item("c1"))))
                .hasMessage("interactions.csv line 2: has 2 fields, the header 3");
    }

    @Test
    void shouldRefuseAGuestIdThatCannotIdentifyAGuest() throws IOException {
        // given: a guest id of 300 characters
        Path file = write("interactions.csv", "guestId,itemId,timestamp\n" + "g".repeat(300) + ",c1,1770000000\n");

        // when / then
        assertThatThrownBy(() -> CsvInputs.interactions(file, Map.of("c1", item("c1"))))
                .hasMessage("interactions.csv line 2: guestId cannot identify a guest: identifier value longer than 256 characters");
    }

    @Test
    void shouldSayWhenAFileIsMissing() {
        // when / then
        assertThatThrownBy(() -> CsvInputs.items(dir.resolve("absent.csv"), "en"))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("absent.csv: no such file");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static Item item(String id) {
        return new Item(id, id, List.of("jazz"), null, null, "en", List.of(), null);
    }
}
