package io.encore.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.topic.Topic;

/**
 * Valid clicks with unique event ids for a known set of guests, written at a steady rate on a thread of its own
 * while a test scales, kills or restarts things. It counts per guest only what the broker acknowledged, so the
 * counts are what the apps must reflect; a send that finally failed is counted apart (and fails the test).
 * The encoder can be swapped while it runs (a newer writer schema, for the registry outage).
 */
final class EventFlow implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Topic<String, ClickEvent> topic;
    private final int guests;
    private final int concerts;
    private final Duration pause;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicReference<Function<ClickEvent, byte[]>> encoder = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts writing to {@code topic} for guests {@code g-0 … g-(guests-1)}, one click every {@code pause}. */
    EventFlow(String bootstrapServers, Topic<String, ClickEvent> topic, int guests, int concerts, Duration pause) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A broker restart must delay sends, not fail them: a failed send would be ambiguous (written or not).
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.guests = guests;
        this.concerts = concerts;
        this.pause = pause;
        this.encoder.set(click -> topic.valueSerde().serializer().serialize(topic.name(), click));
        this.thread = new Thread(this::run, "event-flow");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on, clicks are encoded by {@code next}. */
    void encodeWith(Function<ClickEvent, byte[]> next) {
        encoder.set(next);
    }

    static String guestKey(int g) {
        return "GUEST_ID:g-" + g;
    }

    private void run() {
        long n = 0;
        while (running) {
            int g = (int) (n % guests);
            GuestIdentifier who = new GuestIdentifier(IdentifierType.GUEST_ID, "g-" + g);
            // Every seventh click a favourite, so recommendation lists keep changing, not only the counters.
            ClickType type = n % 7 == 0 ? ClickType.FAVOURITE : ClickType.PAGE_VIEW;
            ClickEvent click = ItTraffic.click("e-" + n, who, "c-" + ((g + n / guests) % concerts), type,
                    Instant.now().minusSeconds(1));
            String key = guestKey(g);
            byte[] value = encoder.get().apply(click);
            sent.incrementAndGet();
            producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, exception) -> {
                if (exception == null) {
                    acknowledged.merge(key, 1L, Long::sum);
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
            n++;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops writing and waits until every click sent is acknowledged or failed. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        producer.flush();
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    /** Acknowledged clicks per guest key, sorted; complete once {@link #stop()} returned. */
    Map<String, Long> acknowledged() {
        return new TreeMap<>(acknowledged);
    }

    long acknowledgedTotal() {
        return acknowledged.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(10));
    }
}
