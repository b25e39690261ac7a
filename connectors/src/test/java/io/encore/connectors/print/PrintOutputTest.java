package io.encore.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintOutputTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepACampaignIdThatIsAlreadyASafeDirectoryName() {
        assertThat(PrintOutput.directoryName("season-2026_v1.2")).isEqualTo("season-2026_v1.2");
    }

    @Test
    void shouldReplaceUnsafeCharactersAndAddAHashSoThatDifferentIdsNeverShareADirectory() {
        // when
        String slash = PrintOutput.directoryName("a/b");
        String underscore = PrintOutput.directoryName("a_b");
        String dots = PrintOutput.directoryName("..");
        // then
        assertThat(slash).matches("a_b-[0-9a-f]{8}").isNotEqualTo(underscore);
        assertThat(underscore).isEqualTo("a_b");
        assertThat(dots).matches("campaign-[0-9a-f]{8}");
        assertThat(PrintOutput.directoryName("x".repeat(300))).hasSize(80 + 9);
    }

    @Test
    void shouldRefuseToReplaceAnExistingFileWhenPublishing() throws IOException {
        // given
        Path target = Files.writeString(dir.resolve("a.pdf"), "finished");
        Path temp = dir.resolve(".a.pdf.part");
        // when
        boolean published = DurableFiles.publishNew("new".getBytes(StandardCharsets.UTF_8), temp, target);
        // then
        assertThat(published).isFalse();
        assertThat(target).hasContent("finished");
        assertThat(temp).doesNotExist();
    }

    @Test
    void shouldPublishANewFileAndLeaveNoTemporaryFile() throws IOException {
        // given
        Path target = dir.resolve("b.pdf");
        Path temp = dir.resolve(".b.pdf.part");
        // when
        boolean published = DurableFiles.publishNew("content".getBytes(StandardCharsets.UTF_8), temp, target);
        // then
        assertThat(published).isTrue();
        assertThat(target).hasContent("content");
        assertThat(temp).doesNotExist();
    }

    @Test
    void shouldCreateTheManifestWithItsHeaderAndRepairATornHeader() throws IOException {
        // given
        Path created = dir.resolve("new.csv");
        Path torn = Files.writeString(dir.resolve("torn.csv"), "send_id,fi");
        // when
        Manifest fresh = Manifest.load(created);
        Manifest repaired = Manifest.load(torn);
        // then
        assertThat(fresh.size()).isZero();
        assertThat(repaired.size()).isZero();
        assertThat(Files.readString(created)).isEqualTo(Manifest.HEADER + "\r\n");
        assertThat(Files.readString(torn)).isEqualTo(Manifest.HEADER + "\r\n");
    }
}
