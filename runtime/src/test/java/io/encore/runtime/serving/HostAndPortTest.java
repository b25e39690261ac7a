package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostAndPortTest {

    @Test
    void shouldParseWhenGivenApplicationServerForm() {
        // when
        HostAndPort parsed = HostAndPort.parse("scoring-2.scoring:8080");

        // then
        assertThat(parsed).isEqualTo(new HostAndPort("scoring-2.scoring", 8080));
        assertThat(parsed).hasToString("scoring-2.scoring:8080");
    }

    @Test
    void shouldRejectWhenPortIsMissingOrInvalid() {
        // when / then
        assertThatThrownBy(() -> HostAndPort.parse("scoring")).hasMessage("Expected host:port, got scoring");
        assertThatThrownBy(() -> HostAndPort.parse("scoring:http")).hasMessage("Expected host:port, got scoring:http");
        assertThatThrownBy(() -> HostAndPort.parse("scoring:0")).hasMessage("Not a port: 0");
    }
}
