package io.encore.connectors.print;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.sink.SinkRecord;

import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintItem;
import io.encore.schemas.avro.PrintSend;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;

/** Print sends, and sink records of them as a worker with the byte-array converter hands them over. */
final class PrintFixtures {

    static final String TOPIC = "print-sends";
    static final String CAMPAIGN = "season-2026";
    /** Saturday 14 March 2026, 19:30 in Copenhagen (UTC+1 in winter). */
    static final Instant SATURDAY_EVENING = Instant.parse("2026-03-14T18:30:00Z");

    final String registryUrl = SchemaRegistryClients.MOCK_SCHEME + "print-" + UUID.randomUUID();
    private final AvroWireFormat format = new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(registryUrl)), true);
    private long nextOffset;

    /** The send id the producer would give {@code guestId} in {@link #CAMPAIGN}: hex SHA-256. */
    static String sendId(String guestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((CAMPAIGN + "|" + guestId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrintItem item(String concertId, String title) {
        return PrintItem.newBuilder().setConcertId(concertId).setTitle(title).setStartTime(SATURDAY_EVENING)
                .setUrl("https://hall.example/p/" + concertId + "?rec=rec-1").setReason("Because you heard Carl Nielsen")
                .setRecommendationId("rec-1").build();
    }

    static PostalAddress danishAddress() {
        return PostalAddress.newBuilder().setLines(List.of("Amagerfælledvej 56, 3. tv")).setPostalCode("2300")
                .setCity("København S").setRegion(null).setCountry("DK").build();
    }

    static PrintSend send(String guestId, String language, String firstName, PrintItem... items) {
        return PrintSend.newBuilder().setSendId(sendId(guestId)).setCampaignId(CAMPAIGN).setGuestId(guestId)
                .setLanguage(language).setFirstName(firstName).setLastName(firstName == null ? null : "Ørsted")
                .setPostalAddress(danishAddress())
                .setTitle(language.equals("da") ? "Sæsonen 2026 – udvalgt til dig" : "Season 2026 – picked for you")
                .setItems(List.of(items)).setCreatedAt(Instant.parse("2026-02-01T09:00:00Z")).build();
    }

    SinkRecord record(PrintSend send) {
        return raw(send.getSendId(), format.write(TOPIC, false, send.getSchema(), send));
    }

    SinkRecord raw(String key, byte[] value) {
        return new SinkRecord(TOPIC, 0, null, key, null, value, nextOffset++);
    }

    /** The same records again, as a worker redelivers them after a failed commit or a restart. */
    static List<SinkRecord> again(List<SinkRecord> records) {
        return new ArrayList<>(records);
    }

    Map<String, String> taskProps(String outputDirectory) {
        Map<String, String> props = new HashMap<>();
        props.put("print.output.directory", outputDirectory);
        props.put("schema.registry.url", registryUrl);
        props.put("print.max.retries", "2");
        props.put("print.retry.backoff.ms", "10");
        props.put("topics", TOPIC);
        return props;
    }
}
