package io.encore.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * The apps' console logging ({@code logback-encore.xml}, selected by the container images): text lines by default,
 * one JSON object per line with {@code ENCORE_LOG_FORMAT=json}.
 */
class LogbackEncoreConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteOneJsonObjectPerLineWhenFormatIsJson() throws Exception {
        // given
        Map<String, String> environment = Map.of("ENCORE_LOG_FORMAT", "json");

        // when
        List<String> lines = logThreeEvents(environment);

        // then
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
        }
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("loggerName").asText()).isEqualTo("io.encore.test");
        assertThat(first.get("formattedMessage").asText()).isEqualTo("Created click-events with 4 partitions");
        assertThat(JSON.readTree(lines.get(1)).get("formattedMessage").asText()).isEqualTo("two\nlines");
        JsonNode failure = JSON.readTree(lines.get(2));
        assertThat(failure.get("level").asText()).isEqualTo("ERROR");
        assertThat(failure.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void shouldWriteTextLinesWhenFormatIsNotSet() throws Exception {
        // given
        Map<String, String> environment = Map.of();

        // when
        List<String> lines = logThreeEvents(environment);

        // then
        assertThat(lines.get(0)).contains(" INFO  [").endsWith("io.encore.test - Created click-events with 4 partitions");
        assertThat(lines).noneMatch(line -> line.startsWith("{"));
    }

    @Test
    void shouldHideKafkaInfoButKeepEncoreInfo() throws Exception {
        // given
        LoggerContext context = configured(Map.of("ENCORE_LOG_FORMAT", "json"));

        // when / then
        assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.apache.kafka.streams.KafkaStreams").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("io.encore.profile.ProfileStreamApp").isInfoEnabled()).isTrue();
        context.stop();
    }

    /** Logs an event, an event with a line break and one with an exception; returns what reached stdout, by line. */
    private static List<String> logThreeEvents(Map<String, String> environment) throws JoranException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = configured(environment);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logger log = context.getLogger("io.encore.test");
            log.info("Created {} with {} partitions", "click-events", 4);
            log.info("two\nlines");
            log.error("Stream failed", new IllegalStateException("boom"));
        } finally {
            System.setOut(stdout);
            context.stop();
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        return environment.containsKey("ENCORE_LOG_FORMAT") ? text.lines().toList()
                : text.lines().filter(line -> line.contains(" - ")).toList();
    }

    /** A context of its own, configured from the jar's file; the variables stand in for the environment. */
    private static LoggerContext configured(Map<String, String> environment) throws JoranException {
        URL file = LogbackEncoreConfigTest.class.getClassLoader().getResource("logback-encore.xml");
        assertThat(file).as("logback-encore.xml on the class path").isNotNull();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's own start-up sets on the default context
        environment.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
        return context;
    }
}
