package io.encore.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.simulator.audience.Guest;
import io.encore.simulator.audience.GuestKind;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.history.HistoryGenerator;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

/** Every kind of record the simulator writes survives Encore's real serde (Confluent wire format, registry). */
class EventSchemaTest {

    private final String scope = "simulator-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldSerializeEveryRecordOfEveryTopicWithEncoresSerdeAndReadItBackEqual() {
        // given: history, a week of behaviour with lists, e-mails and an audience fed back
        TestHall hall = new TestHall(3, 2000, 3);
        new HistoryGenerator(hall.programme, hall.audience, hall.inventory, hall.seed)
                .run(hall.start.minusSeconds(3600L * 24 * 200), hall.start, hall.sink, hall.world::historicalPurchase);
        feedEverything(hall);
        hall.runDays(7);
        TopicCatalogue topics = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(InMemorySchemaRegistry.forScope(scope), true));

        // when
        Map<OutputTopic, Integer> checked = new EnumMap<>(OutputTopic.class);
        for (SimRecord record : hall.sink.records()) {
            Topic<String, ?> topic = topics.byLogicalName(record.topic().logicalName()).orElseThrow();
            assertThat(roundTrip(topic, record)).as(record.topic() + " " + record.key()).isEqualTo(record.value());
            checked.merge(record.topic(), 1, Integer::sum);
        }

        // then: every topic the simulator writes was exercised
        assertThat(checked.keySet()).containsExactlyInAnyOrder(OutputTopic.values());
    }

    @SuppressWarnings("unchecked")
    private static Object roundTrip(Topic<String, ?> topic, SimRecord record) {
        Serde<Object> serde = (Serde<Object>) topic.valueSerde();
        byte[] bytes = serde.serializer().serialize(topic.name(), record.value());
        assertThat(bytes[0]).isEqualTo(AvroWireFormat.MAGIC_BYTE);
        return serde.deserializer().deserialize(topic.name(), bytes);
    }

    private static void feedEverything(TestHall hall) {
        List<AudienceMember> members = new ArrayList<>();
        ConcertPlan advertised = null;
        for (Guest guest : hall.audience.guests()) {
            if (guest.kind() != GuestKind.REGISTERED) {
                continue;
            }
            List<ConcertPlan> best = hall.onSaleByAffinity(guest, true, 4);
            advertised = advertised == null ? best.get(0) : advertised;
            String id = "GUEST_ID:" + guest.guestId();
            hall.world.apply(new Feedback.Recommendations(id + "|WEB", TestHall.webList(id, "rec-" + guest.index(), best, false)));
            if (guest.consent().email()) {
                List<EmailItem> items = best.stream().map(c -> new EmailItem(c.concertId(), c.title().da(), c.startTime(),
                        c.url(), null, "Fordi du kan lide det", "mail-" + guest.index())).toList();
                hall.world.apply(new Feedback.EmailSent(EmailSend.newBuilder().setSendId("s" + guest.index())
                        .setCampaignId("c").setGuestId(id).setLanguage("da").setToAddress(guest.person().email())
                        .setSubject("Til dig").setItems(items).setCreatedAt(hall.start).build()));
            }
            if (guest.consent().ads()) {
                members.add(new AudienceMember(id, 0.8, false, List.of(guest.emailIdentifier()), "ads-" + guest.index()));
            }
        }
        hall.world.apply(new Feedback.Audience(advertised.concertId(), ConcertAudience.newBuilder()
                .setConcertId(advertised.concertId()).setMembers(members).setAdded(members).setVersion(1)
                .setGeneratedAt(Instant.parse("2026-08-31T22:00:00Z")).build()));
    }
}
