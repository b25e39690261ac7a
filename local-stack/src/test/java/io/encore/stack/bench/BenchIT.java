package io.encore.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.stack.Directories;
import io.encore.stack.junit.LocalStackExtension;
import io.encore.stack.junit.SharedStack;
import io.encore.stack.junit.TestNames;

/**
 * The benchmark end to end on a tiny input, on the shared broker and the real registry with both real apps: every
 * section of the JSON is there and its figures are sane. Nothing here judges speed; the kernel (JMH) is skipped.
 */
@ExtendWith(LocalStackExtension.class)
class BenchIT {

    private final Path work = Path.of("target", "it-state", "bench-" + System.nanoTime());

    @AfterEach
    void cleanUp() throws IOException {
        Directories.deleteRecursively(work);
    }

    @Test
    void shouldWriteEverySectionWithSaneFiguresWhenRunOnATinyInput(SharedStack stack, TestNames names) throws Exception {
        // given: 40 guests (half consenting to e-mail and ads), 30 concerts, 200 events; profile-stream re-weights
        // its catalogue every second
        Bench.Settings settings = new Bench.Settings(40, 30, 0.5, 200, 50, Duration.ofSeconds(3), Duration.ofMinutes(2),
                Map.of("encore.profile.catalogue.refresh.seconds", 1));
        Bench bench = new Bench(settings, new Bench.Target("127.0.0.1", stack.bootstrapServers(), stack.registryUrl(),
                names.topicPrefix(), work), step -> { });

        // when
        BenchResult result = BenchReport.complete(bench.run(), new BenchResult.Kernel(false, "skipped in the IT", List.of()));
        Path file = work.resolve("result.json");
        BenchReport.write(file, result);

        // then
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.fieldNames()).toIterable().contains("machine", "sizes", "ceiling", "engine", "latency", "fanOut",
                "state", "kernel", "targets");
        assertThat(json.at("/ceiling/events").asLong()).isEqualTo(200);
        assertThat(json.at("/ceiling/eventsPerSecond").asDouble()).isPositive();
        assertThat(json.at("/engine/eventsPerSecond").asDouble()).isPositive();
        assertThat(json.at("/engine/ratioToCeiling").asDouble()).isPositive()
                .isEqualTo(json.at("/engine/eventsPerSecond").asDouble() / json.at("/ceiling/eventsPerSecond").asDouble());
        assertThat(json.at("/latency/resolved").asInt()).isPositive();
        assertThat(json.at("/latency/p50Ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(json.at("/latency/p95Ms").asDouble());
        assertThat(json.at("/latency/p95Ms").asDouble()).isLessThanOrEqualTo(json.at("/latency/p99Ms").asDouble());
        assertThat(json.at("/fanOut/completed").asBoolean()).isTrue();
        assertThat(json.at("/fanOut/seconds").asDouble()).isPositive();
        assertThat(json.at("/fanOut/changes").asLong()).isPositive();
        assertThat(json.at("/state/sstBytesPerGuest").asDouble()).isPositive();
        assertThat(json.at("/state/stores").findValuesAsText("store")).contains("guests", "scoring-guests",
                "recommendation-sets");
        assertThat(json.at("/kernel/ran").asBoolean()).isFalse();
        assertThat(json.at("/targets")).hasSize(5);
    }
}
