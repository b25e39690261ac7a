package io.encore.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class DeadLetterHandlerTest {

    private static final int DEAD_LETTER_SCHEMA_ID = 42;

    @Test
    void shouldDeadLetterWithoutTheRegistryWhenItGoesAwayAfterTheStart() throws IOException {
        // given: a handler configured while a registry answered, which then went away
        AtomicInteger registrations = new AtomicInteger();
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/subjects/", exchange -> {
            registrations.incrementAndGet();
            answer(exchange, "{\"id\":" + DEAD_LETTER_SCHEMA_ID + "}");
        });
        registry.start();
        DeadLetterHandler handler = new DeadLetterHandler();
        try {
            handler.configure(Map.of(DeadLetterHandler.TOPIC_CONFIG, "dead-letters",
                    StreamsConfig.APPLICATION_ID_CONFIG, "profile-stream",
                    "schema.registry.url", "http://127.0.0.1:" + registry.getAddress().getPort()));
        } finally {
            registry.stop(0);
        }

        // when: a record that cannot be decoded (its schema id cannot be fetched now) arrives
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("click-events", 1, 17L,
                "GUEST_ID:g-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 9, 2});
        DeserializationExceptionHandler.Response response = handler.handleError(null, record,
                new SerializationException("cannot fetch schema id 9: connection refused"));

        // then: it is dead-lettered in the wire format under the id registered at the start, and the stream goes on
        assertThat(registrations).hasValue(1);
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).topic()).isEqualTo("dead-letters");
        ByteBuffer value = ByteBuffer.wrap(letters.get(0).value());
        assertThat(value.get()).isZero();
        assertThat(value.getInt()).isEqualTo(DEAD_LETTER_SCHEMA_ID);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
