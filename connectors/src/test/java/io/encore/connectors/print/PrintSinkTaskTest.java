package io.encore.connectors.print;

import static io.encore.connectors.print.PrintFixtures.CAMPAIGN;
import static io.encore.connectors.print.PrintFixtures.again;
import static io.encore.connectors.print.PrintFixtures.item;
import static io.encore.connectors.print.PrintFixtures.send;
import static io.encore.connectors.print.PrintFixtures.sendId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.encore.connectors.FakeSinkTaskContext;
import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;

class PrintSinkTaskTest {

    private static final TopicPartition PARTITION = new TopicPartition(PrintFixtures.TOPIC, 0);

    @TempDir
    Path outputDir;

    private final PrintFixtures fixtures = new PrintFixtures();
    private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<PrintSinkTask> tasks = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger("io.encore.connectors.print")).addAppender(logs);
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(PrintSinkTask::stop);
        ((Logger) LoggerFactory.getLogger("io.encore.connectors.print")).detachAppender(logs);
    }

    private PrintSinkTask startTask(FakeSinkTaskContext taskContext) {
        PrintSinkTask task = new PrintSinkTask(sleeps::add);
        task.initialize(taskContext);
        task.start(fixtures.taskProps(outputDir.toString()));
        tasks.add(task);
        return task;
    }

    private void stop(PrintSinkTask task) {
        task.stop();
        tasks.remove(task);
    }

    private List<SinkRecord> batch() {
        return List.of(
                fixtures.record(send("g-1", "da", "Mette", item("k-3", "Juleoratoriet"), item("k-1", "Messias"))),
                fixtures.record(send("g-2", "en", null, item("k-2", "Brahms & Nielsen"))),
                fixtures.record(send("g-3", "en", "Ann", item("k-1", "Messiah"))));
    }

    private Path campaignDir() {
        return outputDir.resolve(CAMPAIGN);
    }

    private Path pdf(String guestId) {
        return campaignDir().resolve(sendId(guestId) + ".pdf");
    }

    private List<String> manifestLines() throws IOException {
        return Files.readAllLines(campaignDir().resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8);
    }

    private List<String> listedSendIds() throws IOException {
        return manifestLines().stream().skip(1).map(Csv::firstField).toList();
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(PrintSinkTask task) {
        return task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(0)));
    }

    @Test
    void shouldWriteOnePdfPerSendAndListEachInTheCampaignManifestWhenABatchArrives() throws IOException {
        // given
        PrintSinkTask task = startTask(context);
        // when
        task.put(batch());
        // then
        assertThat(PdfText.of(pdf("g-1")).text()).contains("Kære Mette,", "Juleoratoriet");
        assertThat(PdfText.of(pdf("g-2")).text()).contains("Dear guest,", "Brahms & Nielsen");
        assertThat(pdf("g-3")).isRegularFile();
        assertThat(manifestLines()).hasSize(4).first().isEqualTo(
                "send_id,file,guest_id,language,name,address,postal_code,city,region,country,concerts,concert_ids,pages,created_at");
        assertThat(manifestLines().get(1)).isEqualTo(sendId("g-1") + "," + sendId("g-1") + ".pdf,g-1,da,Mette Ørsted,"
                + "\"Amagerfælledvej 56, 3. tv\",2300,København S,,DK,2,k-3|k-1,1,2026-02-01T09:00:00Z");
        assertThat(listedSendIds()).containsExactly(sendId("g-1"), sendId("g-2"), sendId("g-3"));
        assertThat(committable(task)).containsEntry(PARTITION, new OffsetAndMetadata(3));
        assertThat(context.reported).isEmpty();
    }

    @Test
    void shouldNeitherRewriteAFileNorListItTwiceWhenTheBatchIsRedeliveredToTheTaskAndToANewTask() throws IOException {
        // given
        List<SinkRecord> batch = batch();
        PrintSinkTask task = startTask(context);
        task.put(batch);
        BasicFileAttributes before = Files.readAttributes(pdf("g-1"), BasicFileAttributes.class);
        // when
        task.put(again(batch));
        stop(task);
        startTask(new FakeSinkTaskContext(true)).put(again(batch));
        // then
        BasicFileAttributes after = Files.readAttributes(pdf("g-1"), BasicFileAttributes.class);
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
        assertThat(listedSendIds()).containsExactly(sendId("g-1"), sendId("g-2"), sendId("g-3"));
        assertThat(filesIn(campaignDir())).containsExactlyInAnyOrder(Manifest.FILE_NAME, sendId("g-1") + ".pdf",
                sendId("g-2") + ".pdf", sendId("g-3") + ".pdf");
    }

    @Test
    void shouldAppendTheMissingLineOnceAndKeepThePdfWhenACrashLeftAPdfWithoutItsLine() throws IOException {
        // given a crash after g-2's PDF was published and before its manifest line was written
        PrintSinkTask first = startTask(context);
        first.put(List.of(fixtures.record(send("g-1", "da", "Mette", item("k-1", "Messias")))));
        stop(first);
        PrintItem[] many = IntStream.rangeClosed(1, 12).mapToObj(i -> item("k-" + i, "Concert " + i)).toArray(PrintItem[]::new);
        RenderedPiece crashed = new PrintRenderer("DK").render(send("g-2", "en", "Bo", many));
        Files.write(pdf("g-2"), crashed.pdf());
        Files.writeString(campaignDir().resolve("." + sendId("g-2") + ".pdf.part"), "half a file");
        SinkRecord redelivered = fixtures.record(send("g-2", "en", "Bo", item("k-1", "Messiah")));
        // when
        PrintSinkTask restarted = startTask(new FakeSinkTaskContext(true));
        restarted.put(List.of(redelivered));
        restarted.put(List.of(redelivered));
        // then the existing PDF is kept as it is, and the manifest gets its line once, with the file's page count
        assertThat(Files.readAllBytes(pdf("g-2"))).isEqualTo(crashed.pdf());
        assertThat(listedSendIds()).containsExactly(sendId("g-1"), sendId("g-2"));
        assertThat(manifestLines().get(2)).endsWith(",1,k-1," + crashed.pages() + ",2026-02-01T09:00:00Z");
        assertThat(crashed.pages()).isGreaterThan(1);
        assertThat(filesIn(campaignDir())).doesNotContain("." + sendId("g-2") + ".pdf.part");
    }

    @Test
    void shouldCutATornLastLineAndWriteItWholeWhenACrashInterruptedAnAppend() throws IOException {
        // given
        List<SinkRecord> batch = batch();
        PrintSinkTask first = startTask(context);
        first.put(batch);
        stop(first);
        Path manifest = campaignDir().resolve(Manifest.FILE_NAME);
        byte[] content = Files.readAllBytes(manifest);
        Files.write(manifest, Arrays.copyOf(content, content.length - 20));
        // when
        startTask(new FakeSinkTaskContext(true)).put(again(batch));
        // then
        assertThat(Files.readAllBytes(manifest)).isEqualTo(content);
    }

    @Test
    void shouldReportAnUndecodableRecordAndStillDeliverTheNextWhenABatchHoldsBoth() throws IOException {
        // given
        PrintSinkTask task = startTask(context);
        SinkRecord garbage = fixtures.raw(sendId("g-0"), "not avro".getBytes(StandardCharsets.UTF_8));
        SinkRecord good = fixtures.record(send("g-1", "en", "Ann", item("k-1", "Messiah")));
        // when
        task.put(List.of(garbage, good));
        // then
        assertThat(context.reported).hasSize(1);
        assertThat(context.reported.get(0).record()).isSameAs(garbage);
        assertThat(context.reported.get(0).error()).isInstanceOf(DataException.class);
        assertThat(listedSendIds()).containsExactly(sendId("g-1"));
        assertThat(committable(task)).containsEntry(PARTITION, new OffsetAndMetadata(2));
    }

    @Test
    void shouldReportWithAReasonAndWriteNothingWhenASendHasNoConcertsOrNoCompleteAddress() throws IOException {
        // given
        PrintSinkTask task = startTask(context);
        PrintSend noConcerts = send("g-1", "da", "Mette");
        PostalAddress noStreet = PostalAddress.newBuilder(PrintFixtures.danishAddress()).setLines(List.of(" ")).build();
        PrintSend noAddress = PrintSend.newBuilder(send("g-2", "da", "Mette", item("k-1", "Messias"))).setPostalAddress(noStreet).build();
        PrintSend notHex = PrintSend.newBuilder(send("g-3", "da", "Mette", item("k-1", "Messias"))).setSendId("../../escape").build();
        // when
        task.put(List.of(fixtures.record(noConcerts), fixtures.record(noAddress), fixtures.record(notHex)));
        // then
        assertThat(context.reported).extracting(reported -> reported.error().getMessage()).containsExactly(
                "Send " + sendId("g-1") + " has no concerts to print",
                "Send " + sendId("g-2") + " has no complete postal address: no street line",
                "Send id is not hexadecimal (it names the piece's file): ../../escape");
        assertThat(context.reported).allSatisfy(reported -> assertThat(reported.error()).isInstanceOf(DataException.class));
        assertThat(outputDir.getParent().resolve("escape.pdf")).doesNotExist();
        assertThat(filesIn(outputDir)).containsExactly(PrintOutput.LOCK_FILE);
        assertThat(committable(task)).containsEntry(PARTITION, new OffsetAndMetadata(3));
    }

    @Test
    void shouldRetryWithADoublingBackoffThenHandTheBatchBackWhenTheCampaignDirectoryCannotBeWritten() throws IOException {
        // given a regular file where the campaign's directory should be
        PrintSinkTask task = startTask(context);
        Files.writeString(campaignDir(), "in the way");
        List<SinkRecord> batch = batch();
        // when
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class)
                .hasMessageContaining(sendId("g-1")).hasMessageContaining("failed 3 times");
        // then
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(context.timeoutMs).isEqualTo(10);
        assertThat(committable(task)).doesNotContainKey(PARTITION);
        // and once the directory can be written, the redelivered batch is delivered
        Files.delete(campaignDir());
        task.put(again(batch));
        assertThat(listedSendIds()).containsExactly(sendId("g-1"), sendId("g-2"), sendId("g-3"));
        assertThat(committable(task)).containsEntry(PARTITION, new OffsetAndMetadata(3));
    }

    @Test
    void shouldSkipATombstoneAndCommitPastIt() throws IOException {
        // given
        PrintSinkTask task = startTask(context);
        // when
        task.put(List.of(fixtures.raw(sendId("g-1"), null), fixtures.record(send("g-2", "en", "Ann", item("k-1", "Messiah")))));
        // then
        assertThat(listedSendIds()).containsExactly(sendId("g-2"));
        assertThat(context.reported).isEmpty();
        assertThat(committable(task)).containsEntry(PARTITION, new OffsetAndMetadata(2));
    }

    @Test
    void shouldWriteACampaignWithAnUnsafeIdIntoAHashedDirectoryInsideTheOutputDirectory() throws IOException {
        // given
        PrintSinkTask task = startTask(context);
        PrintSend send = PrintSend.newBuilder(send("g-1", "en", "Ann", item("k-1", "Messiah"))).setCampaignId("../Jul 2026").build();
        // when
        task.put(List.of(fixtures.record(send)));
        // then
        Path dir = outputDir.resolve(PrintOutput.directoryName("../Jul 2026"));
        assertThat(dir.getParent()).isEqualTo(outputDir);
        assertThat(dir.getFileName().toString()).matches("_Jul_2026-[0-9a-f]{8}");
        assertThat(dir.resolve(send.getSendId() + ".pdf")).isRegularFile();
        assertThat(dir.resolve(Manifest.FILE_NAME)).isRegularFile();
    }

    @Test
    void shouldLogSendIdsAndCountsButNeverANameOrAnAddress() {
        // given
        PrintSinkTask task = startTask(context);
        PrintSend noConcerts = send("g-9", "da", "Mette");
        // when
        task.put(batch());
        task.put(List.of(fixtures.record(noConcerts)));
        // then
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(message -> assertThat(message).contains(sendId("g-9")))
                .allSatisfy(message -> assertThat(message).doesNotContain("Mette", "Ørsted", "Amagerfælledvej", "København"));
    }

    @Test
    void shouldRefuseToStartWhenAnotherTaskHoldsTheOutputDirectory() {
        // given
        startTask(context);
        PrintSinkTask second = new PrintSinkTask(sleeps::add);
        second.initialize(new FakeSinkTaskContext(true));
        // when / then
        assertThatThrownBy(() -> second.start(fixtures.taskProps(outputDir.toString()))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("in use by another task").hasMessageContaining("print.output.directory");
    }

    @Test
    void shouldRefusePutWhenStopped() {
        // given
        PrintSinkTask task = startTask(context);
        stop(task);
        // when / then
        assertThat(task.state()).isEqualTo(PrintSinkTask.State.STOPPED);
        assertThatThrownBy(() -> task.put(batch())).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
