package io.encore.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shouldReadShortFormsAndIso8601() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldRefuseWhatIsNotADuration() {
        assertThatThrownBy(() -> Durations.parse("ten minutes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("90s, 10m");
    }
}
