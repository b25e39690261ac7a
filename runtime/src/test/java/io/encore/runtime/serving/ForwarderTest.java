package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;

class ForwarderTest {

    @Test
    void shouldSendSamePathQueryAndForwardedMarkWhenForwarding() {
        // given
        try (HttpApi remote = HttpApi.builder("127.0.0.1", 0).get("/guests/{id}", request -> Response.ok(Map.of(
                "id", request.pathParam("id"),
                "query", request.rawQuery(),
                "forwarded", request.header(Forwarder.FORWARDED_HEADER).orElse("-")))).build().start()) {
            Request request = new Request("GET", "/guests/a%2Fb", "limit=5", Map.of("id", "a/b"), Map.of());

            // when
            Response answer = new Forwarder().forward(new HostAndPort("127.0.0.1", remote.port()), request);

            // then
            assertThat(answer.status()).isEqualTo(200);
            assertThat(((Response.Body.Text) answer.body()).text())
                    .contains("\"id\":\"a/b\"", "\"query\":\"limit=5\"", "\"forwarded\":\"1\"");
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenRemoteIsTooSlow() throws Exception {
        // given a remote that holds the request until the test lets go
        CountDownLatch release = new CountDownLatch(1);
        try (HttpApi remote = HttpApi.builder("127.0.0.1", 0).get("/slow", request -> {
            release.await(5, TimeUnit.SECONDS);
            return Response.ok("late");
        }).build().start()) {
            HostAndPort target = new HostAndPort("127.0.0.1", remote.port());
            Forwarder forwarder = new Forwarder(Duration.ofMillis(200));

            // when / then
            try {
                assertThatThrownBy(() -> forwarder.get(target, "/slow"))
                        .isInstanceOfSatisfying(ApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.retryAfterSeconds()).hasValue(1);
                        })
                        .hasMessage("Instance " + target + " did not answer (HttpTimeoutException); retry shortly");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void shouldRejectPathWhenItIsNotAbsolute() {
        // when / then
        assertThatThrownBy(() -> new Forwarder().get(new HostAndPort("127.0.0.1", 1), "guests"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
