package io.encore.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.topic.Topic;

/**
 * recommendation-changes as a channel system sees them: read_committed, from the end at the moment it is opened,
 * so a change is visible here only once scoring-stream's transaction committed.
 */
final class ChangeFeed implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topic<String, RecommendationChange> topic;

    ChangeFeed(String bootstrap, Topic<String, RecommendationChange> topic) {
        this.topic = topic;
        consumer = Clients.committedConsumer(bootstrap);
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is produced
    }

    List<RecommendationChange> poll(Duration timeout) {
        List<RecommendationChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.value() != null) {
                changes.add(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            }
        }
        return changes;
    }

    /** Reads until a poll returns nothing: whatever was committed before now is behind us. */
    void drain() {
        while (!poll(Duration.ofMillis(300)).isEmpty()) {
            // discard
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
