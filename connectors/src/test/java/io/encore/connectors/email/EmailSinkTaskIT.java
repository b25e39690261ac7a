package io.encore.connectors.email;

import static io.encore.connectors.email.EmailFixtures.again;
import static io.encore.connectors.email.EmailFixtures.item;
import static io.encore.connectors.email.EmailFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.encore.connectors.FakeSinkTaskContext;

/** The e-mail sink task against a real SMTP server (GreenMail, in-process). */
class EmailSinkTaskIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Pattern TRACKING_LINK = Pattern.compile("href=\"(https://hall\\.example/t/c/[^\"]+)\"");

    @TempDir
    Path ledgerDir;

    private final EmailFixtures fixtures = new EmailFixtures();
    private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    private final List<EmailSinkTask> tasks = new ArrayList<>();

    @BeforeEach
    void noTasksYet() {
        tasks.clear();
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(EmailSinkTask::stop);
    }

    private EmailSinkTask startTask(FakeSinkTaskContext taskContext) {
        EmailSinkTask task = new EmailSinkTask();
        task.initialize(taskContext);
        task.start(props());
        tasks.add(task);
        return task;
    }

    private Map<String, String> props() {
        return fixtures.taskProps(SMTP.getSmtp().getPort(), ledgerDir.toString());
    }

    private List<SinkRecord> batch() {
        return List.of(
                fixtures.record(send("s-1", "da", "Mette", item("k-3", "Juleoratoriet", "rec-1"), item("k-1", "Messias", "rec-1"))),
                fixtures.record(send("s-2", "en", null, item("k-2", "Brahms & Nielsen", "rec-2"))),
                fixtures.record(send("s-3", "en", "Ann", item("k-1", "Messiah", null))));
    }

    @Test
    void shouldDeliverEachSendAsAMultipartEmailWithTrackingLinksInOrderWhenABatchArrives() throws Exception {
        // given
        EmailSinkTask task = startTask(context);
        // when
        task.put(batch());
        // then
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage first = bySendId(received, "s-1");
        assertThat(first.getSubject()).isEqualTo("Julekoncerter til dig");
        assertThat(first.getAllRecipients()).extracting(Object::toString).containsExactly("s-1@guests.example");
        assertThat(first.getMessageID()).isEqualTo("<s-1@encore>");
        assertThat(first.getHeader("List-Unsubscribe")).containsExactly("<https://hall.example/unsubscribe?send=s-1>");
        // image, title and "read more" of each card all go through the tracking host, cards in the given order
        assertThat(trackingLinks(part(first, "text/html")).stream().distinct()).containsExactly(
                "https://hall.example/t/c/s-1/k-3?rec=rec-1", "https://hall.example/t/c/s-1/k-1?rec=rec-1");
        assertThat(part(first, "text/plain")).startsWith("Kære Mette,")
                .contains("Juleoratoriet", "https://hall.example/t/c/s-1/k-3?rec=rec-1");
        assertThat(part(bySendId(received, "s-2"), "text/html")).contains("Dear guest,", "Brahms &amp; Nielsen");
        assertThat(trackingLinks(part(bySendId(received, "s-3"), "text/html"))).contains("https://hall.example/t/c/s-3/k-1");
        assertThat(task.preCommit(Map.of(new TopicPartition(EmailFixtures.TOPIC, 0), new OffsetAndMetadata(0))))
                .containsEntry(new TopicPartition(EmailFixtures.TOPIC, 0), new OffsetAndMetadata(3));
    }

    @Test
    void shouldSendNoDuplicateWhenTheSameBatchIsRedeliveredToTheTaskAndToANewTaskOnTheSameLedger() {
        // given
        List<SinkRecord> batch = batch();
        EmailSinkTask task = startTask(context);
        task.put(batch);
        // when
        task.put(again(batch));
        task.stop();
        tasks.remove(task);
        EmailSinkTask restarted = startTask(new FakeSinkTaskContext(true));
        restarted.put(again(batch));
        // then
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(EmailSinkTaskIT::messageId))
                .containsExactlyInAnyOrder("<s-1@encore>", "<s-2@encore>", "<s-3@encore>");
    }

    @Test
    void shouldReportAnUndecodableRecordAndStillDeliverTheNextWhenABatchHoldsBoth() {
        // given
        EmailSinkTask task = startTask(context);
        SinkRecord garbage = fixtures.raw("s-0", "not avro".getBytes(StandardCharsets.UTF_8));
        SinkRecord good = fixtures.record(send("s-1", "en", "Ann", item("k-1", "Messiah", "rec-1")));
        // when
        task.put(List.of(garbage, good));
        // then
        assertThat(context.reported).hasSize(1);
        assertThat(context.reported.get(0).record()).isSameAs(garbage);
        assertThat(context.reported.get(0).error()).isInstanceOf(DataException.class);
        assertThat(SMTP.getReceivedMessages()).extracting(EmailSinkTaskIT::messageId).containsExactly("<s-1@encore>");
    }

    @Test
    void shouldRefuseToStartWhenAnotherTaskHoldsTheLedger() {
        // given
        startTask(context);
        EmailSinkTask second = new EmailSinkTask();
        second.initialize(new FakeSinkTaskContext(true));
        // when / then
        assertThatThrownBy(() -> second.start(props())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("in use by another task");
    }

    private static MimeMessage bySendId(MimeMessage[] received, String sendId) {
        return Arrays.stream(received).filter(m -> messageId(m).equals("<" + sendId + "@encore>")).findFirst().orElseThrow();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, String type) throws MessagingException, IOException {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static List<String> trackingLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = TRACKING_LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
