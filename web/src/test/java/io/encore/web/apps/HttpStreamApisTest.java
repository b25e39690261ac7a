package io.encore.web.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.runtime.http.BearerAuth;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Response;

/** The web app against a stream app's API with tokens on: it reads the admin endpoints with the admin token. */
class HttpStreamApisTest {

    private static final String QUERY = "query-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";

    private HttpApi streamApp;
    private URI base;

    @BeforeEach
    void start() {
        streamApp = HttpApi.builder("127.0.0.1", 0).auth(BearerAuth.of(QUERY, ADMIN))
                .get("/models", request -> Response.ok(Map.of("channels", Map.of())))
                .get("/segments", request -> Response.ok(Map.of("guests", 3))).build().start();
        base = URI.create("http://127.0.0.1:" + streamApp.port());
    }

    @AfterEach
    void stop() {
        streamApp.close();
    }

    @Test
    void shouldReadAdminEndpointsWhenGivenTheAdminToken() {
        // given
        HttpStreamApis apis = new HttpStreamApis(base, base, Duration.ofSeconds(2), new ObjectMapper(), Optional.of(ADMIN));

        // when
        ApiAnswer segments = apis.segments();

        // then
        assertThat(segments.ok()).isTrue();
        assertThat(segments.body().path("guests").asInt()).isEqualTo(3);
        assertThat(apis.models().ok()).isTrue();
    }

    @Test
    void shouldReportTheRefusalWithoutFailingWhenNoTokenIsConfigured() {
        // given
        HttpStreamApis apis = new HttpStreamApis(base, base, Duration.ofSeconds(2), new ObjectMapper(), Optional.empty());

        // when
        ApiAnswer models = apis.models();

        // then: the operator panel gets a message, never an exception
        assertThat(models.ok()).isFalse();
        assertThat(models.error()).contains("401");
    }
}
