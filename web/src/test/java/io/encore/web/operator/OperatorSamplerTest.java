package io.encore.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.encore.schemas.registry.InMemorySchemaRegistry;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.web.FakeSources;

class OperatorSamplerTest {

    private final FakeSources.FakeStats stats = new FakeSources.FakeStats();
    private final AtomicLong now = new AtomicLong(10_000);
    private final TopicCatalogue topics = new TopicCatalogue("demo.", 4,
            new AvroWireFormat(InMemorySchemaRegistry.forScope("sampler-test"), true));
    private final OperatorSampler sampler = new OperatorSampler(stats, topics.all(), List.of("encore-scoring-stream"),
            new FakeSources.FakeApis(), new ChangeCounter(), new LatencyTracker(0), now::get, 3);

    @Test
    void shouldNameSeriesByTheTopicsLogicalNameAndNeverChartANegativeRate() {
        // given: the topic was recreated between two samples, so its end offset fell
        stats.ends = Map.of("demo.click-events", 500L, "demo.ticket-sales", 10L);
        sampler.run();
        now.addAndGet(1_000);
        stats.ends = Map.of("demo.click-events", 20L, "demo.ticket-sales", 15L);
        // when
        sampler.run();
        // then
        assertThat(sampler.throughput().latest()).containsEntry("click-events", 0.0).containsEntry("ticket-sales", 5.0);
    }

    @Test
    void shouldKeepOnlyTheNewestPointsAndRecordFailuresWithoutStopping() {
        // given
        for (int i = 0; i < 5; i++) {
            stats.lag = Map.of("encore-scoring-stream", Map.of("demo.guest-profiles", (long) i));
            sampler.run();
            now.addAndGet(1_000);
        }
        // then
        assertThat(sampler.lag().points().get("encore-scoring-stream")).extracting(p -> p[1]).containsExactly(2.0, 3.0, 4.0);
        assertThat(sampler.latestLag().get("encore-scoring-stream")).containsEntry("guest-profiles", 4L);
        assertThat(sampler.errors()).containsKey("models").doesNotContainKeys("offsets", "lag");
    }
}
