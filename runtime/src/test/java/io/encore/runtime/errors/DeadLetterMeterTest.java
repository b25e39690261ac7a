package io.encore.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.FailureStage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class DeadLetterMeterTest {

    @Test
    void shouldCategorizeByStageAndExceptionKindWhenTheHandlerCatchesAFailure() {
        // when / then: a fixed category, whatever the exception's message says
        assertThat(DeadLetterMeter.categorize(FailureStage.DESERIALIZATION, new SerializationException("x"), false))
                .isEqualTo(DeadLetterMeter.Reason.UNDECODABLE);
        assertThat(DeadLetterMeter.categorize(FailureStage.PROCESSING, new RejectedRecordException("GUEST_ID:g-1"), false))
                .isEqualTo(DeadLetterMeter.Reason.REJECTED);
        assertThat(DeadLetterMeter.categorize(FailureStage.PROCESSING, new IllegalStateException("bug"), false))
                .isEqualTo(DeadLetterMeter.Reason.FAILED);
        assertThat(DeadLetterMeter.categorize(FailureStage.PRODUCTION, new SerializationException("x"), true))
                .isEqualTo(DeadLetterMeter.Reason.UNSERIALIZABLE);
        assertThat(DeadLetterMeter.categorize(FailureStage.PRODUCTION, new IllegalStateException("x"), false))
                .isEqualTo(DeadLetterMeter.Reason.NOT_WRITTEN);
    }

    @Test
    void shouldExposeCountsWithStageAndReasonLabelsWhenScraped() {
        // given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DeadLetterMeter meter = new DeadLetterMeter(registry);

        // when
        meter.count(FailureStage.PROCESSING, DeadLetterMeter.Reason.REJECTED);
        meter.count(FailureStage.PROCESSING, DeadLetterMeter.Reason.REJECTED);
        meter.count(FailureStage.PROCESSING, DeadLetterMeter.Reason.HOLD_EXPIRED);

        // then
        assertThat(registry.scrape()).contains(
                "encore_dead_letters_total{reason=\"rejected\",stage=\"processing\"} 2.0",
                "encore_dead_letters_total{reason=\"hold-expired\",stage=\"processing\"} 1.0");
    }
}
