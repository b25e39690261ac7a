package io.encore.web.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.web.Fixtures;

/** Reading topics into memory: from the beginning, decoded, tombstones kept, undecodable values skipped. */
class TopicFollowerTest {

    private final TopicCatalogue topics = new TopicCatalogue("", 4,
            new AvroWireFormat(InMemorySchemaRegistry.forScope("follower-test"), true));
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final TopicPartition concerts = new TopicPartition("concerts", 0);
    private final TopicPartition changes = new TopicPartition("recommendation-changes", 0);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private TopicFollower follower;

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.close();
        }
    }

    @Test
    void shouldReadACompactedTopicFromTheBeginningSkipAnUndecodableValueAndReportCaughtUp() {
        // given
        consumer.updatePartitions("concerts", List.of(new PartitionInfo("concerts", 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(concerts, 0L));
        consumer.updateEndOffsets(Map.of(concerts, 3L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(concerts, 0, "c-1", concertBytes("c-1", "First")));
            consumer.addRecord(record(concerts, 1, "c-2", new byte[] {0, 0, 0, 0x7f, 0x7f, 1}));
            consumer.addRecord(record(concerts, 2, "c-1", null));
        });
        follower = new TopicFollower(() -> consumer).follow(topics.concerts(), TopicFollower.Start.BEGINNING,
                (key, concert, ts) -> seen.add(key + "=" + (concert == null ? "tombstone" : concert.getTitle())));
        // when
        follower.start();
        // then
        await().atMost(Duration.ofSeconds(10)).until(follower::caughtUp);
        assertThat(seen).containsExactly("c-1=First", "c-1=tombstone");
        assertThat(follower.undecodable()).containsEntry("concerts", 1L);
        assertThat(follower.recordsRead()).isEqualTo(3);
        assertThat(follower.assignedTopics()).containsExactly("concerts");
    }

    @Test
    void shouldReadAnEventTopicFromItsEndAndWaitForATopicThatDoesNotExistYet() {
        // given: recommendation-changes has 5 old records; concerts does not exist
        consumer.updatePartitions("recommendation-changes",
                List.of(new PartitionInfo("recommendation-changes", 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(changes, 0L));
        consumer.updateEndOffsets(Map.of(changes, 5L));
        consumer.schedulePollTask(() -> consumer.addRecord(record(changes, 5, "GUEST_ID:g|WEB", null)));
        follower = new TopicFollower(() -> consumer)
                .follow(topics.recommendationChanges(), TopicFollower.Start.END, (key, change, ts) -> seen.add(key))
                .follow(topics.concerts(), TopicFollower.Start.BEGINNING, (key, concert, ts) -> seen.add(key));
        // when
        follower.start();
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
        assertThat(seen).containsExactly("GUEST_ID:g|WEB");
        assertThat(follower.assignedTopics()).containsExactly("recommendation-changes");
        assertThat(follower.caughtUp()).isFalse();
    }

    private byte[] concertBytes(String id, String title) {
        Concert concert = Fixtures.concert(id, title, 3);
        return topics.concerts().valueSerde().serializer().serialize("concerts", concert);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
