package io.encore.stack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.avro.GuestProfile;
import io.encore.schemas.avro.RecommendationChange;
import io.encore.schemas.topic.Topic;

/**
 * What the apps published, as a {@code read_committed} consumer sees it, checked for the two ways exactly-once
 * can fail downstream: a record lost or a record twice. Profiles carry a per-guest {@code version} that grows by
 * one on every published change, so a repeat or a gap shows; recommendation changes carry unique ids and name
 * the set they replace, so per key they must form one unbroken chain.
 */
final class OutputLedger {

    private OutputLedger() {
    }

    /** Every committed record of {@code topic} from the beginning to its end now, values by key in order. */
    static <V> Map<String, List<V>> read(String bootstrapServers, Topic<String, V> topic) {
        Map<String, List<V>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = ItTraffic.committedConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // the last stable offsets
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    V value = record.value() == null ? null
                            : topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    if (value != null) {
                        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(value);
                    }
                }
            }
        }
        return byKey;
    }

    /** Profiles: the published versions of each guest must be consecutive. */
    record ProfileCheck(long records, long repeated, long gaps, Map<String, Long> lastEventCount) {

        static ProfileCheck of(Map<String, List<GuestProfile>> byKey) {
            long records = 0;
            long repeated = 0;
            long gaps = 0;
            Map<String, Long> last = new HashMap<>();
            for (Map.Entry<String, List<GuestProfile>> guest : byKey.entrySet()) {
                long previous = Long.MIN_VALUE;
                for (GuestProfile profile : guest.getValue()) {
                    records++;
                    long version = profile.getVersion();
                    if (previous != Long.MIN_VALUE && version <= previous) {
                        repeated++;
                    } else if (previous != Long.MIN_VALUE && version > previous + 1) {
                        gaps++;
                    }
                    previous = Math.max(previous, version);
                    last.put(guest.getKey(), profile.getEventCount());
                }
            }
            return new ProfileCheck(records, repeated, gaps, last);
        }
    }

    /** Recommendation changes: ids unique, and each change replaces the set the previous change of its key made. */
    record ChangeCheck(long records, long keys, long duplicateIds, long brokenLinks, List<String> examples) {

        static ChangeCheck of(Map<String, List<RecommendationChange>> byKey) {
            long records = 0;
            long duplicates = 0;
            long broken = 0;
            List<String> examples = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Map.Entry<String, List<RecommendationChange>> key : byKey.entrySet()) {
                String previousSet = null;
                for (RecommendationChange change : key.getValue()) {
                    records++;
                    if (!ids.add(change.getEventId())) {
                        duplicates++;
                        note(examples, key.getKey() + ": id " + change.getEventId() + " again");
                    }
                    if (!Objects.equals(change.getPreviousRecommendationId(), previousSet)) {
                        broken++;
                        note(examples, key.getKey() + ": replaces " + change.getPreviousRecommendationId()
                                + " but the last set was " + previousSet);
                    }
                    previousSet = change.getRecommendationId();
                }
            }
            return new ChangeCheck(records, byKey.size(), duplicates, broken, examples);
        }

        private static void note(List<String> examples, String example) {
            if (examples.size() < 10) {
                examples.add(example);
            }
        }
    }

    /** Dead letters {@code application} wrote, by the original record's key. */
    static Map<String, List<DeadLetter>> deadLetters(String bootstrapServers, Topic<String, DeadLetter> topic,
                                                     String application) {
        Map<String, List<DeadLetter>> byKey = new LinkedHashMap<>();
        read(bootstrapServers, topic).values().forEach(letters -> letters.stream()
                .filter(letter -> application.equals(letter.getApplication()))
                .forEach(letter -> byKey.computeIfAbsent(originalKey(letter), k -> new ArrayList<>()).add(letter)));
        return byKey;
    }

    private static String originalKey(DeadLetter letter) {
        if (letter.getKey() == null) {
            return "";
        }
        ByteBuffer key = letter.getKey().duplicate();
        byte[] bytes = new byte[key.remaining()];
        key.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
