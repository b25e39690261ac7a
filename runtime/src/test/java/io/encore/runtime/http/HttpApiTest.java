package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.encore.runtime.testing.TestHttp;
import io.encore.runtime.testing.TestHttp.Answer;

class HttpApiTest {

    private HttpApi api;
    private ListAppender<ILoggingEvent> log;

    @AfterEach
    void closeServer() {
        if (api != null) {
            api.close();
        }
        if (log != null) {
            ((Logger) LoggerFactory.getLogger(HttpApi.class)).detachAppender(log);
        }
    }

    @Test
    void shouldPassDecodedPathParamWhenTemplateMatches() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0)
                .get("/guests/{id}/profile", request -> Response.ok(Map.of("id", request.pathParam("id")))));

        // when
        Answer answer = TestHttp.get(api.port(), "/guests/a%20b%2Fc+d%C3%A9/profile");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"id\":\"a b/c+dé\"}");
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void shouldAnswer414WhenPathAndQueryAreLongerThanAnyRequestNeeds() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/guests/{id}", request -> Response.ok("guest")));

        // when
        Answer answer = TestHttp.get(api.port(), "/guests/g-1?x=" + "a".repeat(Dispatcher.MAX_URI_LENGTH));

        // then
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.body()).contains("\"status\":414");
    }

    @Test
    void shouldPreferLiteralRouteWhenParameterRouteAlsoMatches() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0)
                .get("/guests/{id}", request -> Response.ok("guest " + request.pathParam("id")))
                .get("/guests/count", request -> Response.ok("count")));

        // when
        Answer count = TestHttp.get(api.port(), "/guests/count");
        Answer guest = TestHttp.get(api.port(), "/guests/g-1");

        // then
        assertThat(count.body()).isEqualTo("\"count\"");
        assertThat(guest.body()).isEqualTo("\"guest g-1\"");
    }

    @Test
    void shouldExposeQueryAndHeadersWhenHandlerAsks() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/echo", request -> Response.ok(Map.of(
                "q", request.queryParam("q").orElse("-"),
                "missing", request.queryParam("missing").orElse("-"),
                "raw", request.rawQuery(),
                "header", request.header("x-test").orElse("-")))));

        // when
        Answer answer = TestHttp.get(api.port(), "/echo?q=a+b%26c&n=1", "X-Test", "yes");

        // then
        assertThat(answer.body()).contains("\"q\":\"a b&c\"", "\"missing\":\"-\"", "\"raw\":\"q=a+b%26c&n=1\"",
                "\"header\":\"yes\"");
    }

    @Test
    void shouldAnswer404JsonWhenNoRouteMatches() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/guests/{id}", request -> Response.ok("x")));

        // when
        Answer answer = TestHttp.get(api.port(), "/concerts/c-1");

        // then
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"status\":404,\"error\":\"No resource at this path\"}");
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void shouldAnswer405WithAllowWhenPathIsKnownButMethodIsNot() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0)
                .get("/guests/{id}", request -> Response.ok("x"))
                .delete("/guests/{id}", request -> Response.ok("deleted")));

        // when
        Answer answer = TestHttp.send("POST", api.port(), "/guests/g-1");

        // then
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("DELETE, GET");
        assertThat(answer.body())
                .isEqualTo("{\"status\":405,\"error\":\"Method POST is not allowed here; use DELETE, GET\"}");
    }

    @Test
    void shouldAnswer400NamingParameterWhenValidationFails() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/guests/{id}", request -> Response.ok(
                Params.requireMatches(request, "id", Pattern.compile("[a-z0-9-]+"), 8))));

        // when
        Answer answer = TestHttp.get(api.port(), "/guests/G_1");

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(
                "{\"status\":400,\"error\":\"Parameter 'id' may only contain characters matching [a-z0-9-]+\"}");
    }

    @Test
    void shouldAnswerStatusAndRetryAfterWhenHandlerThrowsApiException() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/busy", request -> {
            throw new ApiException(503, "Store is rebalancing", 2);
        }));

        // when
        Answer answer = TestHttp.get(api.port(), "/busy");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(answer.body()).isEqualTo("{\"status\":503,\"error\":\"Store is rebalancing\"}");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenAStateStoreIsMoving() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0).get("/store", request -> {
            throw new InvalidStateStoreException("the stream thread is PARTITIONS_ASSIGNED, not RUNNING");
        }));

        // when
        Answer answer = TestHttp.get(api.port(), "/store");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).contains("rebalanced or restored");
    }

    @Test
    void shouldAnswerGeneric500AndLogOnceWhenHandlerFails() throws Exception {
        // given
        log = captureLog();
        api = start(HttpApi.builder("127.0.0.1", 0).get("/boom", request -> {
            throw new IllegalStateException("secret detail");
        }));

        // when
        Answer answer = TestHttp.get(api.port(), "/boom");

        // then
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"status\":500,\"error\":\"Internal server error\"}");
        assertThat(log.list).filteredOn(event -> event.getThrowableProxy() != null)
                .extracting(event -> event.getThrowableProxy().getMessage())
                .containsExactly("secret detail");
    }

    @Test
    void shouldSendTextUnchangedWhenHandlerAnswersText() throws Exception {
        // given
        api = start(HttpApi.builder("127.0.0.1", 0)
                .get("/text", request -> Response.text(200, "text/plain; charset=utf-8", "a 1\nb 2\n")));

        // when
        Answer answer = TestHttp.get(api.port(), "/text");

        // then
        assertThat(answer.body()).isEqualTo("a 1\nb 2\n");
        assertThat(answer.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void shouldStopWithinASecondWhenClosedAfterServing() throws Exception {
        // given a served request, so the client holds a keep-alive connection
        api = start(HttpApi.builder("127.0.0.1", 0).get("/ping", request -> Response.ok("pong")));
        int port = api.port();
        TestHttp.get(port, "/ping");

        // when
        long startedAt = System.nanoTime();
        api.close();
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);

        // then
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> TestHttp.get(port, "/ping")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefusePortWhenNotStarted() {
        // given
        HttpApi unstarted = HttpApi.builder("127.0.0.1", 0).get("/a", request -> Response.ok("a")).build();

        // when / then
        assertThatThrownBy(unstarted::port)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The HTTP server has not started");
        unstarted.close();
    }

    @Test
    void shouldRejectRouteWhenRegisteredTwice() {
        // given
        HttpApi.Builder builder = HttpApi.builder("127.0.0.1", 0).get("/a", request -> Response.ok("a"));

        // when / then
        assertThatThrownBy(() -> builder.get("/a", request -> Response.ok("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Route registered twice: GET /a");
    }

    private static HttpApi start(HttpApi.Builder builder) {
        return builder.build().start();
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
