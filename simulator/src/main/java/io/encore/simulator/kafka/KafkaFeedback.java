package io.encore.simulator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.schemas.avro.ConcertAudience;
import io.encore.schemas.avro.EmailSend;
import io.encore.schemas.avro.RecommendationSet;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.simulator.behaviour.Feedback;
import io.encore.simulator.behaviour.FeedbackSource;

/**
 * Reads what Encore publishes for the channels — {@code recommendations}, {@code email-sends},
 * {@code concert-audiences} — and hands it to the simulation. Partitions are assigned, not subscribed: no
 * consumer group, no committed offsets. {@code recommendations} is compacted and read from the beginning (the
 * latest list of every guest is state the website would hold); the other two from the end, so a restarted
 * simulator does not answer e-mails and ads a second time.
 */
public final class KafkaFeedback implements FeedbackSource {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedback.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TopicCatalogue catalogue;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final AtomicReference<Consumer<String, byte[]>> consumer = new AtomicReference<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    public KafkaFeedback(KafkaSettings settings) {
        this(settings.catalogue(), () -> new KafkaConsumer<>(config(settings), new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** Over consumers from {@code consumers} (tests use Kafka's {@code MockConsumer}). */
    KafkaFeedback(TopicCatalogue catalogue, Supplier<Consumer<String, byte[]>> consumers) {
        this.catalogue = catalogue;
        this.consumers = consumers;
    }

    @Override
    public void start(java.util.function.Consumer<Feedback> into) {
        running = true;
        thread = new Thread(() -> run(into), "encore-simulator-feedback");
        thread.setDaemon(true);
        thread.start();
    }

    /** The error that stopped the reader, if one did. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Records skipped because they could not be decoded. */
    public long undecodable() {
        return undecodable.get();
    }

    private void run(java.util.function.Consumer<Feedback> into) {
        try (Consumer<String, byte[]> kafka = consumers.get()) {
            consumer.set(kafka);
            List<TopicPartition> fromStart = partitions(kafka, catalogue.recommendations());
            List<TopicPartition> fromEnd = new ArrayList<>(partitions(kafka, catalogue.emailSends()));
            fromEnd.addAll(partitions(kafka, catalogue.concertAudiences()));
            List<TopicPartition> all = new ArrayList<>(fromStart);
            all.addAll(fromEnd);
            kafka.assign(all);
            kafka.seekToBeginning(fromStart);
            kafka.seekToEnd(fromEnd);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    decode(record).ifPresent(into);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure.compareAndSet(null, e);
            }
        } catch (RuntimeException e) {
            LOG.error("Reading Encore's outputs failed; the simulation goes on without feedback", e);
            failure.compareAndSet(null, e);
        } finally {
            consumer.set(null);
        }
    }

    static Map<String, Object> config(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "encore-simulator-feedback");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(settings.clientOverrides());
        return config;
    }

    /** The topic's partitions, waiting (and saying so) while the topic does not exist yet. */
    private List<TopicPartition> partitions(Consumer<String, byte[]> kafka, Topic<String, ?> topic) {
        long waitingSince = System.nanoTime();
        while (running) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic.name());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            if (System.nanoTime() - waitingSince > Duration.ofSeconds(10).toNanos()) {
                LOG.warn("Topic {} does not exist yet; waiting for it", topic.name());
                waitingSince = System.nanoTime();
            }
            sleep();
        }
        return List.of();
    }

    private Optional<Feedback> decode(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(catalogue.recommendations().name())) {
                RecommendationSet set = catalogue.recommendations().valueSerde().deserializer().deserialize(record.topic(), record.value());
                return Optional.of(new Feedback.Recommendations(record.key(), set));
            }
            if (record.topic().equals(catalogue.emailSends().name())) {
                EmailSend send = catalogue.emailSends().valueSerde().deserializer().deserialize(record.topic(), record.value());
                return Optional.ofNullable(send).map(Feedback.EmailSent::new);
            }
            ConcertAudience audience = catalogue.concertAudiences().valueSerde().deserializer().deserialize(record.topic(), record.value());
            return Optional.of(new Feedback.Audience(record.key(), newcomers(audience)));
        } catch (SerializationException e) {
            undecodable.incrementAndGet();
            LOG.warn("Skipping an undecodable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The part of an audience the ad platform acts on — the members added since the previous version (all of
     * them in a first version) — so that hundreds of republished audiences of a thousand members each do not
     * fill the memory while they wait to be applied.
     */
    static ConcertAudience newcomers(ConcertAudience audience) {
        if (audience == null) {
            return null;
        }
        return ConcertAudience.newBuilder(audience)
                .setMembers(audience.getPreviousVersion() == null ? audience.getMembers() : List.of())
                .setRemoved(List.of()).build();
    }

    private void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> kafka = consumer.get();
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
