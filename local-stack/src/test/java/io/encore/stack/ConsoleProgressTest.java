package io.encore.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void shouldWriteALineEveryTenthAndTheLastOneWhenTheOutputIsALog() {
        // given
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        // when: a hundred steps, the last one finished
        for (int i = 1; i <= 100; i++) {
            progress.show(i / 100.0, i == 100, "step " + i);
        }
        progress.end();
        // then: the first step of each tenth, and the end
        assertThat(text.toString().lines()).containsExactly("step 1", "step 10", "step 20", "step 30", "step 40",
                "step 50", "step 60", "step 70", "step 80", "step 90", "step 100");
    }

    @Test
    void shouldRedrawInPlaceOnATerminalAndEndTheLine() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true);
        progress.show(0.5, false, "half");
        progress.show(1.0, true, "all");
        progress.end();
        assertThat(text.toString()).isEqualTo("\rhalf\rall" + System.lineSeparator());
    }

    @Test
    void shouldDrawTheBarTheTimeLeftAndClocks() {
        assertThat(ConsoleProgress.bar(0.5)).isEqualTo("[" + "█".repeat(15) + "░".repeat(15) + "]  50%");
        assertThat(ConsoleProgress.eta(0.25, Duration.ofSeconds(30))).isEqualTo("  ETA 1:30");
        assertThat(ConsoleProgress.eta(0, Duration.ofSeconds(30))).isEmpty();
        assertThat(ConsoleProgress.eta(1, Duration.ofSeconds(30))).isEmpty();
        assertThat(ConsoleProgress.clock(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    }
}
