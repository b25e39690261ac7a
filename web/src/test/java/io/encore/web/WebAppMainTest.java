package io.encore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.encore.web.config.WebConfig;

/** The web app as a process of its own: settings from a file and the environment, as the container image runs it. */
class WebAppMainTest {

    /** Nothing listens on port 1: the app must start and serve while Kafka and Redis are not there yet. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "ENCORE_WEB_HTTP_HOST", "127.0.0.1",
            "ENCORE_WEB_HTTP_PORT", "0",
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
            "SCHEMA_REGISTRY_URL", "mock://web-app-main-test",
            "ENCORE_WEB_REDIS_URL", "redis://127.0.0.1:1");

    @Test
    void shouldServeLiveButNotReadyWhenStartedFromTheEnvironmentBeforeKafkaAnswers() throws Exception {
        // given
        String[] noArguments = {};

        // when
        try (WebApp web = WebApp.launch(noArguments, ENVIRONMENT)) {
            // then
            assertThat(get(web.port(), "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(web.port(), "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void shouldFailNamingTheSettingWhenTheFileHoldsAnInvalidValue(@TempDir Path dir) throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("web.properties"), WebConfig.SCORING_URL_CONFIG + "=scoring:7071\n");

        // when / then
        assertThatThrownBy(() -> WebApp.launch(new String[] {file.toString()}, ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(WebConfig.SCORING_URL_CONFIG);
    }

    @Test
    void shouldRefuseMoreThanOneArgument() {
        assertThatThrownBy(() -> WebApp.launch(new String[] {"a.properties", "b.properties"}, ENVIRONMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Usage: WebApp [config.properties]");
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
