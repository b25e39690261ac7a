package io.encore.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Campaign;

class RateLimitedSinkTest {

    @Test
    void shouldLetABurstOfOneSecondThroughAndThenHoldToTheRate() {
        // given: 100 a second, so 250 records need at least 1.5 s after the first 100
        MemorySink memory = new MemorySink();
        CountingSink counted = new CountingSink(memory);
        Campaign campaign = Campaign.newBuilder().setCampaignId("c").setSubject("s").setRequestedAt(Instant.EPOCH).build();
        long started = System.nanoTime();

        // when
        try (RateLimitedSink sink = new RateLimitedSink(counted, 100)) {
            for (int i = 0; i < 250; i++) {
                sink.accept(new SimRecord(OutputTopic.CAMPAIGNS, "c", campaign));
            }
        }

        // then
        assertThat((System.nanoTime() - started) / 1e9).isGreaterThanOrEqualTo(1.4);
        assertThat(counted.count(OutputTopic.CAMPAIGNS)).isEqualTo(250);
        assertThat(memory.records()).hasSize(250);
    }
}
