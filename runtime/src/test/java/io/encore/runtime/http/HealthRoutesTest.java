package io.encore.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.encore.runtime.testing.TestHttp;
import io.encore.runtime.testing.TestHttp.Answer;

class HealthRoutesTest {

    private static final AtomicReference<KafkaStreams.State> STATE = new AtomicReference<>();
    private static HttpApi api;

    @BeforeAll
    static void startServer() {
        api = HealthRoutes.install(HttpApi.builder("127.0.0.1", 0), STATE::get).build().start();
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = {"CREATED", "REBALANCING", "RUNNING", "PENDING_SHUTDOWN"})
    void shouldBeLiveWhenClientIsNotDead(KafkaStreams.State state) throws Exception {
        // given
        STATE.set(state);

        // when
        Answer answer = TestHttp.get(api.port(), "/health/live");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\",\"state\":\"" + state + "\"}");
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = {"ERROR", "PENDING_ERROR", "NOT_RUNNING"})
    void shouldNotBeLiveWhenClientIsDead(KafkaStreams.State state) throws Exception {
        // given
        STATE.set(state);

        // when
        Answer answer = TestHttp.get(api.port(), "/health/live");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"" + state + "\"}");
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = "RUNNING")
    void shouldBeReadyWhenClientIsRunning(KafkaStreams.State state) throws Exception {
        // given
        STATE.set(state);

        // when
        Answer answer = TestHttp.get(api.port(), "/health/ready");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void shouldNotBeReadyWithRetryAfterWhenClientIsNotRunning(KafkaStreams.State state) throws Exception {
        // given
        STATE.set(state);

        // when
        Answer answer = TestHttp.get(api.port(), "/health/ready");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"" + state + "\"}");
    }
}
