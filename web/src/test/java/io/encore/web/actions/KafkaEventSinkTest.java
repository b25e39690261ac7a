package io.encore.web.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Device;
import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.GuestKeys;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.web.Fixtures;

/** What reaches the broker: keys and values in the topic's own wire format, as any producer of the topic writes them. */
class KafkaEventSinkTest {

    private final TopicCatalogue topics = new TopicCatalogue("", 4,
            new AvroWireFormat(InMemorySchemaRegistry.forScope("event-sink-test"), true));
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final AtomicInteger ids = new AtomicInteger();
    private final GuestActions actions = new GuestActions(topics, new KafkaEventSink(producer),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), "encore-web", () -> "id-" + ids.incrementAndGet());

    @Test
    void shouldWriteAPageViewKeyedByTheIdentifierInTheConfluentWireFormat() throws Exception {
        // when
        CompletableFuture<GuestActions.Sent> sent = actions.click(GuestKeys.parse("COOKIE:abc").orElseThrow(),
                GuestAction.VIEW, "c-1", "r1.WEB.prospect.discovery.1.x", null,
                new GuestActions.Context("s-1", "http://localhost:8080/concerts/c-1", "en", Device.MOBILE));
        producer.completeNext();
        // then
        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo("click-events");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("COOKIE:abc");
        assertThat(record.value()[0]).isEqualTo(AvroWireFormat.MAGIC_BYTE);
        ClickEvent click = topics.clickEvents().valueSerde().deserializer().deserialize("click-events", record.value());
        assertThat(click.getEventId()).isEqualTo("id-1");
        assertThat(click.getType()).isEqualTo(ClickType.PAGE_VIEW);
        assertThat(click.getRecommendationId()).isEqualTo("r1.WEB.prospect.discovery.1.x");
        assertThat(click.getDevice()).isEqualTo(Device.MOBILE);
        assertThat(click.getOccurredAt()).isEqualTo(Fixtures.NOW);
        assertThat(sent.get().delivered().topic()).isEqualTo("click-events");
        assertThat(sent.get().eventId()).isEqualTo("id-1");
    }

    @Test
    void shouldFailTheSendWhenTheBrokerRefusesIt() {
        // when
        CompletableFuture<GuestActions.Sent> sent = actions.click(GuestKeys.parse("COOKIE:abc").orElseThrow(),
                GuestAction.FAVOURITE, "c-1", null, null, new GuestActions.Context("s", "http://h/", null, Device.UNKNOWN));
        producer.errorNext(new NotLeaderOrFollowerException("moved"));
        // then
        assertThat(sent).isCompletedExceptionally();
        try {
            sent.get();
        } catch (ExecutionException | InterruptedException e) {
            assertThat(e).hasRootCauseInstanceOf(NotLeaderOrFollowerException.class);
        }
    }
}
