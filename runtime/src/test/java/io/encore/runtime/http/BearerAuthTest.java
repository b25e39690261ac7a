package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.encore.runtime.testing.TestHttp;
import io.encore.runtime.testing.TestHttp.Answer;

class BearerAuthTest {

    private static final String QUERY = "query-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";

    private HttpApi api;
    private ListAppender<ILoggingEvent> log;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        if (log != null) {
            ((Logger) LoggerFactory.getLogger(HttpApi.class)).detachAppender(log);
        }
    }

    @Test
    void shouldAnswer401WithBearerChallengeWhenTokenIsMissingOrWrong() throws Exception {
        // given
        api = started();

        // when
        Answer missing = TestHttp.get(api.port(), "/guests/g-1");
        Answer wrong = TestHttp.get(api.port(), "/guests/g-1", "Authorization", "Bearer not-the-token-at-all");
        Answer otherScheme = TestHttp.get(api.port(), "/guests/g-1", "Authorization", "Basic " + QUERY);

        // then
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"encore\"");
        assertThat(missing.body()).contains("\"status\":401", "Authorization: Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"encore\", error=\"invalid_token\"");
        assertThat(otherScheme.status()).isEqualTo(401);
    }

    @Test
    void shouldServeQueryRouteWhenQueryOrAdminTokenIsGiven() throws Exception {
        // given
        api = started();

        // when
        Answer withQuery = TestHttp.get(api.port(), "/guests/g-1", "Authorization", "Bearer " + QUERY);
        Answer withAdmin = TestHttp.get(api.port(), "/guests/g-1", "Authorization", "bearer " + ADMIN);

        // then
        assertThat(withQuery.status()).isEqualTo(200);
        assertThat(withAdmin.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer403WhenQueryTokenCallsAnAdminRoute() throws Exception {
        // given
        api = started();

        // when
        Answer withQuery = TestHttp.get(api.port(), "/models", "Authorization", "Bearer " + QUERY);
        Answer withAdmin = TestHttp.get(api.port(), "/models", "Authorization", "Bearer " + ADMIN);

        // then
        assertThat(withQuery.status()).isEqualTo(403);
        assertThat(withQuery.body()).contains(BearerAuth.ADMIN_TOKEN_CONFIG);
        assertThat(withAdmin.status()).isEqualTo(200);
    }

    @Test
    void shouldServeOpenRouteWithoutToken() throws Exception {
        // given
        api = started();

        // when / then
        assertThat(TestHttp.get(api.port(), "/health/live").status()).isEqualTo(200);
    }

    @Test
    void shouldCheckTokenBeforeParametersWhenARouteValidatesThem() throws Exception {
        // given: a handler that would answer 400 for any id
        api = HttpApi.builder("127.0.0.1", 0).auth(BearerAuth.of(QUERY, ADMIN))
                .get(Access.QUERY, "/guests/{id}", request -> {
                    throw new ApiException(400, "bad id");
                }).build().start();

        // when / then
        assertThat(TestHttp.get(api.port(), "/guests/%3Cx%3E").status()).isEqualTo(401);
    }

    @Test
    void shouldNeverLogTheTokenWhenItIsRefused() throws Exception {
        // given
        api = started();
        log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.class);
        logger.setLevel(Level.DEBUG);
        logger.addAppender(log);

        // when
        TestHttp.get(api.port(), "/models", "Authorization", "Bearer " + QUERY);
        TestHttp.get(api.port(), "/models", "Authorization", "Bearer wrong-token-9876543210");

        // then
        assertThat(log.list).isNotEmpty();
        assertThat(log.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(QUERY, "wrong-token-9876543210"));
    }

    @Test
    void shouldServeEveryRouteWhenDisabled() throws Exception {
        // given
        api = HttpApi.builder("127.0.0.1", 0).auth(BearerAuth.disabled())
                .get("/models", request -> Response.ok("models")).build().start();

        // when / then
        assertThat(TestHttp.get(api.port(), "/models").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseToStartWhenAuthIsOnAndTokensAreMissing() {
        // when / then: the message names every setting an operator can use
        assertThatThrownBy(() -> BearerAuth.from(config(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(BearerAuth.TOKEN_CONFIG)
                .hasMessageContaining(BearerAuth.ADMIN_TOKEN_CONFIG)
                .hasMessageContaining("ENCORE_HTTP_AUTH_TOKEN")
                .hasMessageContaining(BearerAuth.ENABLED_CONFIG + "=false");
        assertThatThrownBy(() -> BearerAuth.from(config(Map.of(BearerAuth.TOKEN_CONFIG, QUERY))))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("Missing: " + BearerAuth.ADMIN_TOKEN_CONFIG);
    }

    @Test
    void shouldBeDisabledOnlyWhenOptedOutExplicitly() {
        // when
        BearerAuth optedOut = BearerAuth.from(config(Map.of(BearerAuth.ENABLED_CONFIG, "false")));
        BearerAuth configured = BearerAuth.from(config(Map.of(BearerAuth.TOKEN_CONFIG, QUERY,
                BearerAuth.ADMIN_TOKEN_CONFIG, ADMIN)));

        // then
        assertThat(optedOut.enabled()).isFalse();
        assertThat(configured.enabled()).isTrue();
    }

    @Test
    void shouldRejectTokensThatAreShortEqualOrOutsideTheAlphabet() {
        // when / then
        assertThatThrownBy(() -> BearerAuth.of("short", ADMIN)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(BearerAuth.TOKEN_CONFIG).hasMessageContaining("16");
        assertThatThrownBy(() -> BearerAuth.of(QUERY, QUERY)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> BearerAuth.of(QUERY, "admin token with spaces")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(BearerAuth.ADMIN_TOKEN_CONFIG);
    }

    @Test
    void shouldHideTokensWhenTheConfigIsPrinted() {
        // when
        String printed = config(Map.of(BearerAuth.TOKEN_CONFIG, QUERY, BearerAuth.ADMIN_TOKEN_CONFIG, ADMIN))
                .values().toString();

        // then
        assertThat(printed).doesNotContain(QUERY, ADMIN).contains("[hidden]");
    }

    private static HttpApi started() {
        return HttpApi.builder("127.0.0.1", 0).auth(BearerAuth.of(QUERY, ADMIN))
                .get(Access.QUERY, "/guests/{id}", request -> Response.ok(List.of(request.pathParam("id"))))
                .get("/models", request -> Response.ok("models"))
                .get(Access.OPEN, "/health/live", request -> Response.ok("up"))
                .build().start();
    }

    private static AbstractConfig config(Map<String, String> settings) {
        return new AbstractConfig(BearerAuth.define(new ConfigDef()), new HashMap<>(settings), false);
    }
}
