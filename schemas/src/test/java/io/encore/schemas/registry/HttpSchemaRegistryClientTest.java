package io.encore.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client's HTTP behaviour against a scripted in-process server: headers, caching and error mapping. The
 * real registry is exercised by SchemaRegistryIT; this test covers answers a healthy registry never gives.
 */
class HttpSchemaRegistryClientTest {

    private static final String SCHEMA_JSON = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger lateRegistrations = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/schemas/ids/1", exchange -> answer(exchange, 200,
                "{\"schema\":" + quote(SCHEMA_JSON) + "}"));
        server.createContext("/api/schemas/ids/2", exchange -> answer(exchange, 500, "{\"error_code\":50001,\"message\":\"store is down\"}"));
        server.createContext("/api/schemas/ids/3", exchange -> answer(exchange, 502, "<html>bad gateway</html>"));
        server.createContext("/api/schemas/ids/4", exchange -> {
            await(release);
            answer(exchange, 200, "{}");
        });
        server.createContext("/api/subjects/flaky", exchange -> answer(exchange,
                flakyCalls.incrementAndGet() == 1 ? 500 : 200,
                flakyCalls.get() == 1 ? "{\"error_code\":50001,\"message\":\"unique index violation\"}" : "{\"id\":11}"));
        server.createContext("/api/subjects/raced", exchange -> answer(exchange,
                exchange.getRequestURI().getPath().endsWith("/versions") ? 409 : 200,
                exchange.getRequestURI().getPath().endsWith("/versions")
                        ? "{\"error_code\":409,\"message\":\"already exists\"}" : "{\"id\":9,\"version\":1}"));
        // Apicurio racing two first registrations: 409 to the slower writer, whose lookup does not see the
        // schema yet; registered again a moment later, it is there.
        server.createContext("/api/subjects/late", exchange -> {
            boolean register = exchange.getRequestURI().getPath().endsWith("/versions");
            int status = !register ? 404 : lateRegistrations.incrementAndGet() == 1 ? 409 : 200;
            answer(exchange, status, status == 409 ? "{\"error_code\":409,\"message\":\"An artifact with ID 'late' already exists\"}"
                    : status == 404 ? "{\"error_code\":40403,\"message\":\"not found\"}" : "{\"id\":12}");
        });
        server.createContext("/api/subjects/clash", exchange -> answer(exchange,
                exchange.getRequestURI().getPath().endsWith("/versions") ? 409 : 404,
                exchange.getRequestURI().getPath().endsWith("/versions")
                        ? "{\"error_code\":409,\"message\":\"incompatible\"}" : "{\"error_code\":40403,\"message\":\"not found\"}"));
        server.createContext("/api/subjects/", exchange -> answer(exchange, 200, "{\"id\":7}"));
        server.setExecutor(executor);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void shouldSendBasicAuthAndCacheSchemasById() {
        // given
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(new RegistryClientConfig(baseUrl,
                Optional.of("encore:s3cret"), Duration.ofSeconds(5), Optional.empty()));

        // when
        Schema first = client.getById(1);
        Schema second = client.getById(1);

        // then: one request, with the credentials, and the trailing slash of the base URL tolerated
        assertThat(first).isSameAs(second);
        assertThat(first.getName()).isEqualTo("R");
        assertThat(requests).containsExactly("GET /api/schemas/ids/1");
        assertThat(authorizations).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("encore:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldEncodeTheSubjectInThePath() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        assertThat(client.register("a b-value", new Schema.Parser().parse(SCHEMA_JSON))).isEqualTo(7);
        assertThat(requests).containsExactly("POST /api/subjects/a%20b-value/versions");
    }

    @Test
    void shouldReturnTheIdOfTheSameSchemaWhenAConcurrentWriterRegisteredItFirst() {
        // given: the registry answers 409 to the slower of two writers registering one new schema
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        // when
        int id = client.register("raced", new Schema.Parser().parse(SCHEMA_JSON));

        // then: the lookup finds the schema the other writer registered
        assertThat(id).isEqualTo(9);
    }

    @Test
    void shouldRegisterAgainWhenTheConcurrentWritersSchemaIsNotYetVisibleAfterA409() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        int id = client.register("late", new Schema.Parser().parse(SCHEMA_JSON));

        assertThat(id).isEqualTo(12);
        assertThat(requests).containsExactly("POST /api/subjects/late/versions", "POST /api/subjects/late",
                "POST /api/subjects/late/versions");
    }

    @Test
    void shouldRetryARegistrationWhenTheRegistryFailsOnceWithAServerError() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        int id = client.register("flaky", new Schema.Parser().parse(SCHEMA_JSON));

        assertThat(id).isEqualTo(11);
        assertThat(flakyCalls).hasValue(2);
    }

    @Test
    void shouldKeepTheConflictWhenTheSchemaIsNotThereAfterA409() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        assertThatThrownBy(() -> client.register("clash", new Schema.Parser().parse(SCHEMA_JSON)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("incompatible");
    }

    @Test
    void shouldCarryStatusErrorCodeAndMessageOfAServerError() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        assertThatThrownBy(() -> client.getById(2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                })
                .hasMessageContaining("store is down")
                .hasMessageContaining("/api/schemas/ids/2");
    }

    @Test
    void shouldQuoteTheBodyWhenAnErrorIsNotJson() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.of(baseUrl));

        assertThatThrownBy(() -> client.getById(3))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("bad gateway");
    }

    @Test
    void shouldTimeOutWithStatusZeroWhenTheRegistryDoesNotAnswer() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(new RegistryClientConfig(baseUrl,
                Optional.empty(), Duration.ofMillis(300), Optional.empty()));

        assertThatThrownBy(() -> client.getById(4))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("timed out after 300 ms");
    }

    @Test
    void shouldReadCredentialsAndTimeoutFromSerdeConfig() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(
                RegistryClientConfig.URL_CONFIG, baseUrl,
                RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG, "u:p",
                RegistryClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500"));

        assertThat(config.basicAuthUserInfo()).contains("u:p");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(RegistryClientConfig.URL_CONFIG, baseUrl,
                RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG, "no-colon")))
                .hasMessageContaining(RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG)
                .hasMessageNotContaining("no-colon");
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
