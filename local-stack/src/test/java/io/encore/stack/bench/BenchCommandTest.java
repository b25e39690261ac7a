package io.encore.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldRefuseWithAUsageErrorWhenFewerEventsThanGuests() {
        // when
        int exit = run("--guests", "1000", "--events", "10", "--no-kernel");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--events must be at least --guests (1000)").contains("Usage: bench");
    }

    @Test
    void shouldRefuseWithAUsageErrorWhenTheRateIsNotPositive() {
        assertThat(run("--quick", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be positive");
    }

    @Test
    void shouldRefuseWithAUsageErrorWhenTheConsentShareIsNotAShare() {
        assertThat(run("--quick", "--consent-share", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--consent-share must be in [0, 1]");
    }

    @Test
    void shouldRefuseWithAUsageErrorWhenTheDataDirectoryHoldsSomethingElse(@TempDir Path dir) throws Exception {
        // given: a directory with another tool's data
        Files.writeString(dir.resolve("keep.txt"), "not the bench's");

        // when
        int exit = run("--quick", "--no-kernel", "--data-dir", dir.toString());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not empty and was not made by ./encore bench");
        assertThat(dir.resolve("keep.txt")).exists();
    }

    @Test
    void shouldTakeExplicitSizesOverTheQuickOnesWhenBothAreGiven() {
        // given
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--quick", "--guests", "500", "--events", "600");

        // when
        Bench.Settings settings = command.settings();

        // then
        assertThat(settings.guests()).isEqualTo(500);
        assertThat(settings.events()).isEqualTo(600);
        assertThat(settings.latencyDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.latencyRate()).isEqualTo(1_000);
    }
}
