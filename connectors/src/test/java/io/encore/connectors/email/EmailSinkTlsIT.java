package io.encore.connectors.email;

import static io.encore.connectors.email.EmailFixtures.item;
import static io.encore.connectors.email.EmailFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.encore.connectors.FakeSinkTaskContext;

/**
 * The e-mail sink over implicit TLS (SMTPS) with SMTP AUTH against a real server (GreenMail) that presents a
 * certificate made for this test by the JDK's keytool: trusted through {@code smtp.ssl.truststore.*} it
 * delivers; without that trust, or when STARTTLS is required of a server that does not offer it, nothing is
 * sent in the clear and the task hands the batch back.
 */
class EmailSinkTlsIT {

    private static final String STORE_PASSWORD = "changeit";
    private static final String USER = "encore";
    private static final String PASSWORD = "s3cret-smtp";

    @TempDir
    static Path certificates;

    private static Path truststore;
    private static GreenMail smtps;
    private static GreenMail plain;

    @TempDir
    Path ledgerDir;

    private final EmailFixtures fixtures = new EmailFixtures();
    private final List<EmailSinkTask> tasks = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        Path keystore = certificates.resolve("server.p12");
        Path certificate = certificates.resolve("server.crt");
        truststore = certificates.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "smtp", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "smtp", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
        // GreenMail reads its TLS key from these properties when its TLS listener starts.
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        smtps.setUser("encore@hall.example", USER, PASSWORD);
        smtps.start();
        plain = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        plain.start();
    }

    @AfterAll
    static void stopServers() {
        smtps.stop();
        plain.stop();
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
        System.clearProperty("greenmail.tls.key.password");
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(EmailSinkTask::stop);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    private EmailSinkTask startTask(Map<String, String> props) {
        EmailSinkTask task = new EmailSinkTask();
        task.initialize(new FakeSinkTaskContext(true));
        task.start(props);
        tasks.add(task);
        return task;
    }

    private Map<String, String> smtpsProps(boolean trusted) {
        Map<String, String> props = fixtures.taskProps(smtps.getSmtps().getPort(), ledgerDir.toString());
        props.put("smtp.host", "localhost");
        props.put("smtp.ssl", "true");
        props.put("smtp.starttls", "false");
        props.put("smtp.username", USER);
        props.put("smtp.password", PASSWORD);
        if (trusted) {
            props.put("smtp.ssl.truststore.location", truststore.toString());
            props.put("smtp.ssl.truststore.password", STORE_PASSWORD);
        }
        return props;
    }

    @Test
    void shouldDeliverOverImplicitTlsWithAuthWhenTheServerCertificateIsTrusted() throws Exception {
        // given
        EmailSinkTask task = startTask(smtpsProps(true));
        // when
        task.put(List.of(fixtures.record(send("tls-1", "en", "Ann", item("k-1", "Messiah", "rec-1")))));
        // then
        assertThat(smtps.getReceivedMessages()).singleElement().satisfies(message -> {
            assertThat(message.getMessageID()).isEqualTo("<tls-1@encore>");
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("tls-1@guests.example");
        });
    }

    @Test
    void shouldSendNothingAndHandTheBatchBackWhenTheServerCertificateIsNotTrusted() {
        // given: the JVM's default trust store, which does not hold the test certificate
        int before = smtps.getReceivedMessages().length;
        EmailSinkTask task = startTask(smtpsProps(false));
        // when / then
        assertThatThrownBy(() -> task.put(List.of(fixtures.record(send("tls-2", "en", null, item("k-1", "Messiah", null))))))
                .isInstanceOf(RetriableException.class).hasMessageContaining("tls-2");
        assertThat(smtps.getReceivedMessages()).hasSize(before);
    }

    @Test
    void shouldSendNothingInTheClearWhenStartTlsIsRequiredAndTheServerDoesNotOfferIt() {
        // given: a plain SMTP server without STARTTLS, and the default smtp.starttls=true
        Map<String, String> props = fixtures.taskProps(plain.getSmtp().getPort(), ledgerDir.toString());
        props.put("smtp.starttls", "true");
        EmailSinkTask task = startTask(props);
        // when / then
        assertThatThrownBy(() -> task.put(List.of(fixtures.record(send("tls-3", "da", null, item("k-1", "Messias", null))))))
                .isInstanceOf(RetriableException.class);
        assertThat(plain.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldRefuseToStartNamingTheSettingWhenTheTrustStoreCannotBeRead() throws IOException {
        // given
        Path broken = Files.writeString(certificates.resolve("broken.p12"), "not a key store");
        Map<String, String> props = smtpsProps(true);
        props.put("smtp.ssl.truststore.location", broken.toString());
        // when / then
        assertThatThrownBy(() -> new EmailSinkConnectorConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smtp.ssl.truststore.location");
    }
}
