package io.encore.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.AudienceMember;
import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.simulator.behaviour.Feedback;

class KafkaFeedbackTest {

    private final String scope = "kafka-feedback-" + UUID.randomUUID();
    private final TopicCatalogue catalogue = new TopicCatalogue("", 4, new AvroWireFormat(InMemorySchemaRegistry.forScope(scope), true));

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void shouldHandOverListsEmailsAudiencesAndTombstonesDecodedWithEncoresSerde() {
        // given: one partition per topic, a list, a withdrawn list, an e-mail and an audience on them
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        for (Topic<String, ?> topic : List.of(catalogue.recommendations(), catalogue.emailSends(), catalogue.concertAudiences())) {
            consumer.updatePartitions(topic.name(), List.of(new PartitionInfo(topic.name(), 0, null, null, null)));
            consumer.updateBeginningOffsets(Map.of(new TopicPartition(topic.name(), 0), 0L));
            consumer.updateEndOffsets(Map.of(new TopicPartition(topic.name(), 0), 0L));
        }
        RecommendationSet set = RecommendationSet.newBuilder().setRecommendationId("r1").setGuestId("GUEST_ID:g-1")
                .setChannel(Channel.WEB).setArm("concept-match").setGeneratedAt(Instant.EPOCH).build();
        EmailSend send = EmailSend.newBuilder().setSendId("s1").setCampaignId("c").setGuestId("GUEST_ID:g-1").setLanguage("da")
                .setToAddress("a@example.com").setSubject("x").setCreatedAt(Instant.EPOCH).build();
        ConcertAudience audience = ConcertAudience.newBuilder().setConcertId("c1").setGeneratedAt(Instant.EPOCH).build();
        consumer.schedulePollTask(() -> {
            add(consumer, catalogue.recommendations(), 0, "GUEST_ID:g-1|WEB", set);
            add(consumer, catalogue.recommendations(), 1, "GUEST_ID:g-2|WEB", null);
            add(consumer, catalogue.emailSends(), 0, "s1", send);
            add(consumer, catalogue.concertAudiences(), 0, "c1", audience);
        });
        List<Feedback> received = new CopyOnWriteArrayList<>();
        KafkaFeedback feedback = new KafkaFeedback(catalogue, () -> consumer);

        // when
        feedback.start(received::add);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
        feedback.close();
        assertThat(received).containsExactlyInAnyOrder(new Feedback.Recommendations("GUEST_ID:g-1|WEB", set),
                new Feedback.Recommendations("GUEST_ID:g-2|WEB", null), new Feedback.EmailSent(send),
                new Feedback.Audience("c1", audience));
        assertThat(feedback.failure()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldKeepOnlyTheNewcomersOfALaterAudienceVersion() {
        // given
        AudienceMember anna = new AudienceMember("GUEST_ID:g-1", 0.9, false, List.of(), "r1");
        AudienceMember bo = new AudienceMember("GUEST_ID:g-2", 0.8, false, List.of(), "r2");
        ConcertAudience first = ConcertAudience.newBuilder().setConcertId("c1").setMembers(List.of(anna)).setAdded(List.of(anna))
                .setVersion(1).setGeneratedAt(Instant.EPOCH).build();
        ConcertAudience second = ConcertAudience.newBuilder(first).setMembers(List.of(anna, bo)).setAdded(List.of(bo))
                .setRemoved(List.of(anna)).setVersion(2).setPreviousVersion(1L).build();

        // when / then
        assertThat(KafkaFeedback.newcomers(first).getMembers()).containsExactly(anna);
        assertThat(KafkaFeedback.newcomers(second).getMembers()).isEmpty();
        assertThat(KafkaFeedback.newcomers(second).getAdded()).containsExactly(bo);
        assertThat(KafkaFeedback.newcomers(second).getRemoved()).isEmpty();
        assertThat(KafkaFeedback.newcomers(null)).isNull();
    }

    @SuppressWarnings("unchecked")
    private static <V> void add(MockConsumer<String, byte[]> consumer, Topic<String, V> topic, long offset, String key, Object value) {
        byte[] bytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), (V) value);
        consumer.addRecord(new ConsumerRecord<>(topic.name(), 0, offset, key, bytes));
    }
}
