package io.encore.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.MetricsRoutes;
import io.encore.runtime.testing.TestHttp;
import io.encore.runtime.testing.TestHttp.Answer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class MetricsTest {

    @Test
    void shouldServeJvmMetricsInPrometheusTextWhenScraped() throws Exception {
        // given
        PrometheusMeterRegistry registry = Metrics.prometheus();
        try (HttpApi api = MetricsRoutes.install(HttpApi.builder("127.0.0.1", 0), registry).build().start()) {

            // when
            Answer answer = TestHttp.get(api.port(), "/metrics");

            // then
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(answer.body()).contains(
                    "# TYPE jvm_memory_used_bytes gauge",
                    "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes",
                    "system_cpu_count");
        } finally {
            registry.close();
        }
    }

    @Test
    void shouldFindTheAppsRegistryWhenItTravelsInTheStreamsConfig() {
        // given
        PrometheusMeterRegistry registry = Metrics.prometheus();
        try {
            // when / then
            assertThat(Metrics.registry(Map.of(Metrics.REGISTRY_CONFIG, registry))).isSameAs(registry);
            assertThat(Metrics.registry(Map.of())).isNotNull().isNotSameAs(registry);
        } finally {
            registry.close();
        }
    }
}
