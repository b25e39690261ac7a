package io.encore.connectors.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.sink.SinkRecord;

import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;

/** E-mail sends, and sink records of them as a worker with the byte-array converter hands them over. */
final class EmailFixtures {

    static final String TOPIC = "email-sends";

    final String registryUrl = SchemaRegistryClients.MOCK_SCHEME + "email-" + UUID.randomUUID();
    private final AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(registryUrl)), true);
    private long nextOffset;

    static EmailItem item(String concertId, String title, String recommendationId) {
        return EmailItem.newBuilder().setConcertId(concertId).setTitle(title)
                .setStartTime(Instant.parse("2026-12-05T18:30:00Z")).setUrl("https://hall.example/concerts/" + concertId)
                .setImageUrl("https://img.hall.example/" + concertId + ".jpg").setReason("Because you heard Carl Nielsen")
                .setRecommendationId(recommendationId).build();
    }

    static EmailSend send(String sendId, String language, String firstName, EmailItem... items) {
        return EmailSend.newBuilder().setSendId(sendId).setCampaignId("xmas-2026").setGuestId("g-" + sendId)
                .setLanguage(language).setToAddress(sendId + "@guests.example").setFirstName(firstName)
                .setSubject(language.equals("da") ? "Julekoncerter til dig" : "Christmas concerts for you")
                .setItems(List.of(items)).setCreatedAt(Instant.parse("2026-11-23T12:00:00Z")).build();
    }

    SinkRecord record(EmailSend send) {
        return raw(send.getSendId(), format.write(TOPIC, false, send.getSchema(), send));
    }

    SinkRecord raw(String key, byte[] value) {
        return new SinkRecord(TOPIC, 0, null, key, null, value, nextOffset++);
    }

    /** The same records again, as a worker redelivers them after a failed commit or a restart. */
    static List<SinkRecord> again(List<SinkRecord> records) {
        return new ArrayList<>(records);
    }

    Map<String, String> taskProps(int smtpPort, String ledgerDir) {
        Map<String, String> props = new HashMap<>();
        props.put("smtp.host", "127.0.0.1");
        props.put("smtp.port", Integer.toString(smtpPort));
        props.put("smtp.starttls", "false");
        props.put("mail.from", "Koncerthuset <news@hall.example>");
        props.put("tracking.base.url", "https://hall.example/t");
        props.put("unsubscribe.base.url", "https://hall.example/unsubscribe");
        props.put("mail.rate.per.second", "1000");
        props.put("email.ledger.dir", ledgerDir);
        props.put("schema.registry.url", registryUrl);
        props.put("smtp.max.retries", "1");
        props.put("smtp.retry.backoff.ms", "10");
        props.put("topics", TOPIC);
        return props;
    }
}
