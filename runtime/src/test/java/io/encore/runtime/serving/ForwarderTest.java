package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.encore.runtime.http.Access;
import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;

class ForwarderTest {

    private static final Request NO_CREDENTIAL = new Request("GET", "/", "", Map.of(), Map.of());
    private static final String QUERY_TOKEN = "query-token-0123456789";
    private static final String ADMIN_TOKEN = "admin-token-0123456789";

    @Test
    void shouldCarryTheCallersCredentialWhenForwardingToAnInstanceWithTokens() {
        // given: a remote whose query route needs a token, and a request that arrived with the query token
        try (HttpApi remote = HttpApi.builder("127.0.0.1", 0).auth(BearerAuth.of(QUERY_TOKEN, ADMIN_TOKEN))
                .get(Access.QUERY, "/guests/{id}", request -> Response.ok(Map.of("id", request.pathParam("id"))))
                .get("/segments", request -> Response.ok(Map.of())).build().start()) {
            HostAndPort target = new HostAndPort("127.0.0.1", remote.port());
            Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer " + QUERY_TOKEN));
            Request request = new Request("GET", "/guests/g-1", "", Map.of("id", "g-1"), headers);

            // when
            Response forwarded = new Forwarder().forward(target, request);
            Response adminWithQueryToken = new Forwarder().get(target, "/segments", request);
            Response withoutCredential = new Forwarder().get(target, "/guests/g-1", NO_CREDENTIAL);

            // then: the same credential decides there as here
            assertThat(forwarded.status()).isEqualTo(200);
            assertThat(adminWithQueryToken.status()).isEqualTo(403);
            assertThat(withoutCredential.status()).isEqualTo(401);
            assertThat(withoutCredential.headers()).containsKey("WWW-Authenticate");
        }
    }

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
                assertThatThrownBy(() -> forwarder.get(target, "/slow", NO_CREDENTIAL))
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
        assertThatThrownBy(() -> new Forwarder().get(new HostAndPort("127.0.0.1", 1), "guests", NO_CREDENTIAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
