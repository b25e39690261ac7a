package io.encore.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.Channel;
import io.encore.scoring.avro.ArmState;
import io.encore.scoring.avro.SharedSignal;
import io.encore.scoring.bandit.UpliftEstimate;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class UpliftGaugesTest {

    @Test
    void shouldExposeTheHoldoutUpliftPerChannelWhenBothGroupsHaveTrials() {
        // given: the same posteriors /models reports on
        Map<String, SharedSignal> signals = Map.of("a:EMAIL|loyal", bandit(Map.of(
                "concept-match", new ArmState(46.0, 256.0, 300L), "control", new ArmState(8.0, 94.0, 100L))));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        // when
        UpliftGauges.bind(registry, () -> signals, List.of(Channel.EMAIL, Channel.WEB), 0);

        // then: email has a number, web (no trials) has none
        UpliftEstimate expected = UpliftEstimate.of(new UpliftEstimate.Counts(300, 45), new UpliftEstimate.Counts(100, 7));
        assertThat(registry.get(UpliftGauges.UPLIFT).tag("channel", "email").gauge().value())
                .isCloseTo(0.15 - 0.07, within(1e-12));
        assertThat(registry.get(UpliftGauges.LOWER).tag("channel", "email").gauge().value()).isEqualTo(expected.lower());
        assertThat(registry.get(UpliftGauges.UPPER).tag("channel", "email").gauge().value()).isEqualTo(expected.upper());
        assertThat(registry.get(UpliftGauges.UPLIFT).tag("channel", "web").gauge().value()).isNaN();
        assertThat(registry.scrape()).contains("encore_uplift{channel=\"email\"} 0.0");
        registry.close();
    }

    @Test
    void shouldReadTheStoreAtMostOncePerRefreshWhenEveryGaugeIsScraped() {
        // given
        AtomicInteger reads = new AtomicInteger();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        UpliftGauges.bind(registry, () -> {
            reads.incrementAndGet();
            return Map.of();
        }, List.of(Channel.EMAIL, Channel.WEB), 60_000_000_000L);

        // when
        registry.scrape();
        registry.scrape();

        // then
        assertThat(reads).hasValue(1);
        registry.close();
    }

    @Test
    void shouldBeNaNWhenTheStoreIsNotOpen() {
        // given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        UpliftGauges.bind(registry, () -> {
            throw new InvalidStateStoreException("restoring");
        }, List.of(Channel.WEB), 0);

        // when / then
        assertThat(registry.get(UpliftGauges.UPLIFT).tag("channel", "web").gauge().value()).isNaN();
        registry.close();
    }

    private static SharedSignal bandit(Map<String, ArmState> arms) {
        return SharedSignal.newBuilder().setArms(new HashMap<>(arms)).build();
    }
}
