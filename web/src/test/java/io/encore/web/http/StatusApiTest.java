package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.web.Fixtures;
import io.encore.web.WebAppHarness;

class StatusApiTest {

    private WebAppHarness web;

    @BeforeEach
    void start() {
        web = new WebAppHarness();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldReportWhatTheAppHoldsAndBeLiveAndReady() {
        // given
        web.fakes.catalogue.apply("c-1", Fixtures.concert("c-1", "Carl Nielsen", 3));
        web.fakes.guests.applyProfile("COOKIE:a", Fixtures.profile("COOKIE:a", List.of("COOKIE:a"), new float[] {1}, "jazz"));
        // when
        JsonNode status = web.getJson("/api/status");
        // then
        assertThat(status.path("concerts").asInt()).isEqualTo(1);
        assertThat(status.path("guests").asInt()).isEqualTo(1);
        assertThat(web.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(web.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownPathsWithAJson404() {
        assertThat(web.get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/operator/nothing").statusCode()).isEqualTo(404);
    }
}
