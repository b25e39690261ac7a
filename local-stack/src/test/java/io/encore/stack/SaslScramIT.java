package io.encore.stack;

import static io.encore.stack.ItTraffic.click;
import static io.encore.stack.ItTraffic.concert;
import static io.encore.stack.ItTraffic.key;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.config.EncoreConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Kafka client security passes through Encore's configuration: a broker of its own whose client listener takes
 * only SASL/SCRAM-SHA-512, and profile-stream given nothing but the standard client settings
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}) — its Streams clients and the
 * admin client that creates its private topics authenticate, and it counts a guest's clicks sent over the
 * same listener. With a wrong password it refuses to start, saying why.
 */
@ExtendWith(LocalStackExtension.class)
class SaslScramIT {

    private static final String USER = "encore-app";
    private static final String PASSWORD = "s3cret-for-the-test";
    private static final String MECHANISM = "SCRAM-SHA-512";
    private static final int CLICKS = 6;
    private static final Instant START = Instant.now().minus(Duration.ofHours(1));

    private final Path dataDir = ItTraffic.stateDir("sasl-broker");
    private final Path stateDir = ItTraffic.stateDir("sasl");
    private EmbeddedKafkaBroker broker;
    private StreamsApp app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
        Directories.deleteRecursively(stateDir);
        Directories.deleteRecursively(dataDir);
    }

    @Test
    void shouldRunProfileStreamOverSaslScramAndRefuseAWrongPassword(SharedStack stack, TestNames names) throws Exception {
        // given: a broker with a SCRAM listener for clients (and a plaintext one for this test's setup only)
        int plain = Ports.free("127.0.0.1");
        int sasl = Ports.free("127.0.0.1");
        int controller = Ports.free("127.0.0.1");
        broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Settings("127.0.0.1", plain, controller, dataDir,
                Map.of("listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl
                                + ",CONTROLLER://127.0.0.1:" + controller,
                        "advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl,
                        "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "sasl.enabled.mechanisms", MECHANISM,
                        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")));
        ProfileStreamConfig config = config(stack, names, "127.0.0.1:" + sasl, PASSWORD);
        TopicCatalogue topics = config.encore().topicCatalogue();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get();
            TopicProvisioner.ensure(admin, topics.all());
        }

        // when: profile-stream starts with the credentials, and a guest's clicks arrive over SCRAM
        app = ProfileStreamApp.create(config).start();
        GuestIdentifier guest = new GuestIdentifier(IdentifierType.GUEST_ID, "secure");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(saslClient("127.0.0.1:" + sasl, PASSWORD),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, topics.concerts(), "c-1", concert(1, START));
            for (int i = 0; i < CLICKS; i++) {
                send(producer, topics.clickEvents(), key(guest), click("s-" + i, guest, "c-1", ClickType.PAGE_VIEW,
                        START.plusSeconds(i)));
            }
        }

        // then: every click is counted
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ProfileStreamInstance.eventCount(app, key(guest)) == CLICKS);

        // and: the same app with a wrong password does not start, and says it could not authenticate
        ProfileStreamConfig wrong = config(stack, names, "127.0.0.1:" + sasl, "not-the-password");
        assertThatThrownBy(() -> ProfileStreamApp.create(wrong).start().close())
                .hasStackTraceContaining("Authentication failed");
        System.out.printf("SaslScramIT reconciled: %d clicks sent over SASL/SCRAM = %d counted; a wrong password"
                + " was refused%n", CLICKS, ProfileStreamInstance.eventCount(app, key(guest)));
    }

    private ProfileStreamConfig config(SharedStack stack, TestNames names, String bootstrap, String password) {
        ProfileStreamConfig base = ProfileStreamInstance.config(stack, names, stateDir.resolve(password));
        Map<String, Object> settings = new HashMap<>(base.originals());
        settings.put(EncoreConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        saslClient(bootstrap, password).forEach((name, value) -> settings.put(name.toString(), value));
        return new ProfileStreamConfig(settings);
    }

    private static Properties saslClient(String bootstrap, String password) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + USER + "\" password=\"" + password + "\";");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
