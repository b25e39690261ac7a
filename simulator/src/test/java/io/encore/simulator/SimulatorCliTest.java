package io.encore.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class SimulatorCliTest {

    /** Exit code, standard output and standard error of one run. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldListItsOptionsOnHelp() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--seed", "--guests", "--concerts", "--out", "--history-years", "--bootstrap-servers",
                "--schema-registry-url", "--rate", "--duration");
    }

    @Test
    void shouldRefuseBothOrNeitherOfCsvAndKafka() {
        Run both = run("--out", "x", "--bootstrap-servers", "localhost:9092", "--schema-registry-url", "http://r");
        Run neither = run("--guests", "10");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("choose one: --out <dir> writes CSV history files, --bootstrap-servers produces live to Kafka");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("nothing to do");
    }

    @Test
    void shouldRequireTheRegistryForLiveProductionAndRefuseLiveOptionsWithCsv() {
        Run noRegistry = run("--bootstrap-servers", "localhost:9092");
        Run rateWithCsv = run("--out", "x", "--rate", "100");
        Run badDuration = run("--bootstrap-servers", "localhost:9092", "--schema-registry-url", "http://r", "--duration", "soon");
        Run badGuests = run("--out", "x", "--guests", "0");

        assertThat(noRegistry.exitCode()).isEqualTo(2);
        assertThat(noRegistry.err()).contains("--schema-registry-url is required with --bootstrap-servers");
        assertThat(rateWithCsv.err()).contains("apply to live production, not to --out");
        assertThat(badDuration.err()).contains("--duration: 'soon' is not a duration");
        assertThat(badGuests.err()).contains("--guests must be at least 1, got 0");
    }

    @Test
    void shouldWriteTheHistoryFilesWithAProgressSummary(@TempDir Path directory) {
        // when
        Run run = run("--out", directory.toString(), "--guests", "400", "--concerts", "60", "--history-years", "1",
                "--start-date", "2026-09-01", "--seed", "3");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Writing the history of seed 3", "ticket-sales.csv", "rows/s");
        assertThat(directory.resolve("ticket-sales.csv")).isNotEmptyFile();
        assertThat(directory.resolve("concerts.csv")).content().contains("c2025-001", "c2026-060");
        assertThat(Files.exists(directory.resolve("guest-consents.csv"))).isTrue();
    }
}
