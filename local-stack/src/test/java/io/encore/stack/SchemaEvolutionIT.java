package io.encore.stack;

import static io.encore.stack.ItTraffic.click;
import static io.encore.stack.ItTraffic.concert;
import static io.encore.stack.ItTraffic.key;
import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.encore.profile.ProfileStreamApp;
import io.encore.profile.config.ProfileStreamConfig;
import io.encore.runtime.streams.StreamsApp;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * Schema evolution across processes: a producer that moved on to a newer click schema (a field added with a
 * default) registers it under the topic's subject, and profile-stream, built on the older schema, keeps
 * counting its clicks alongside old ones; a producer with an incompatible schema (a new field without a
 * default) is refused by the registry and gets an error that names the subject — nothing reaches the topic.
 */
@ExtendWith(LocalStackExtension.class)
class SchemaEvolutionIT {

    private static final Instant START = Instant.now().minus(Duration.ofHours(2));
    private static final int OLD_CLICKS = 5;
    private static final int NEW_CLICKS = 7;

    private final ObjectMapper json = new ObjectMapper();
    private final Path stateDir = ItTraffic.stateDir("evolution");
    private StreamsApp app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        Directories.deleteRecursively(stateDir);
    }

    @Test
    void shouldKeepReadingANewerCompatibleProducerAndRefuseAnIncompatibleOne(SharedStack stack, TestNames names)
            throws Exception {
        // given: profile-stream on the older click schema, and a guest's clicks written with it
        ProfileStreamConfig config = ProfileStreamInstance.config(stack, names, stateDir);
        TopicCatalogue topics = config.encore().topicCatalogue();
        try (Admin admin = stack.admin()) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        app = ProfileStreamApp.create(config).start();
        String clicks = topics.clickEvents().name();
        GuestIdentifier guest = new GuestIdentifier(IdentifierType.GUEST_ID, "evolving");
        AvroWireFormat newerProducer = config.encore().wireFormat(); // registers what it writes, like a real producer
        Schema newer = withField("campaignTag", false);
        try (KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            send(producer, topics.concerts(), "c-1", concert(1, START));
            for (int i = 0; i < OLD_CLICKS; i++) {
                send(producer, topics.clickEvents(), key(guest), click("old-" + i, guest, "c-1", ClickType.PAGE_VIEW,
                        START.plusSeconds(i)));
            }

            // when: the producer moves on to a schema with a field added with a default
            for (int i = 0; i < NEW_CLICKS; i++) {
                ClickEvent click = click("new-" + i, guest, "c-1", ClickType.PAGE_VIEW, START.plusSeconds(60 + i));
                producer.send(new ProducerRecord<>(clicks, key(guest),
                        newerProducer.write(clicks, false, newer, as(newer, click))));
            }
            producer.flush();

            // then: the older reader counts every click, old and new
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> eventCount("GUEST_ID:evolving") == OLD_CLICKS + NEW_CLICKS);

            // and when: a producer tries a schema whose further new field has no default, the registry refuses it
            Schema incompatible = withField("priority", true);
            ClickEvent click = click("bad-0", guest, "c-1", ClickType.PAGE_VIEW, START.plusSeconds(120));
            assertThatThrownBy(() -> newerProducer.write(clicks, false, incompatible, as(incompatible, click)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Cannot register schema io.encore.schemas.avro.ClickEvent")
                    .hasMessageContaining(clicks + "-value");
        }
        System.out.printf("SchemaEvolutionIT reconciled: %d clicks of the older schema + %d of the newer = %d counted;"
                + " the incompatible schema was refused%n", OLD_CLICKS, NEW_CLICKS, eventCount("GUEST_ID:evolving"));
    }

    /**
     * The click schema with the string field {@code campaignTag} added with a default, and {@code name} too:
     * with a default, or (incompatibly with every earlier version) without.
     */
    private Schema withField(String name, boolean required) throws IOException {
        ObjectNode schema = (ObjectNode) json.readTree(ClickEvent.getClassSchema().toString());
        ArrayNode fields = (ArrayNode) schema.get("fields");
        fields.add(json.createObjectNode().put("name", "campaignTag").put("type", "string").put("default", "none"));
        if (!name.equals("campaignTag")) {
            ObjectNode field = json.createObjectNode().put("name", name).put("type", "string");
            if (!required) {
                field.put("default", "none");
            }
            fields.add(field);
        }
        return new Schema.Parser().parse(schema.toString());
    }

    /** {@code click} as a record of {@code schema}, with the new fields set. */
    private static GenericRecord as(Schema schema, ClickEvent click) {
        GenericRecord old = ProfileStreamInstance.generic(click, ClickEvent.getClassSchema(), "", "");
        GenericRecord record = new GenericData.Record(schema);
        ClickEvent.getClassSchema().getFields().forEach(field -> record.put(field.name(), old.get(field.name())));
        schema.getFields().stream().filter(field -> ClickEvent.getClassSchema().getField(field.name()) == null)
                .forEach(field -> record.put(field.name(), "autumn"));
        return record;
    }

    private long eventCount(String guest) throws IOException, InterruptedException {
        return ProfileStreamInstance.eventCount(app, guest);
    }
}
