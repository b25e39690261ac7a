package io.encore.stack;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.encore.scoring.model.ModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./encore evaluate} end to end on tiny inputs: the real topologies replayed, every method measured. */
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryMethodOnTheCsvFiles() throws Exception {
        // given
        Path out = dir.resolve("result.json");

        // when
        Run run = run("evaluate", "--items", resource("items.csv"), "--interactions", resource("interactions.csv"),
                "--out", out.toString(), "--work-dir", dir.resolve("work").toString());

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = JSON.readTree(out.toFile());
        assertThat(result.at("/data/testCases").asInt()).isEqualTo(12);
        assertThat(result.at("/encore/deadLetters").asLong()).isZero();
        for (String method : methods()) {
            JsonNode m = result.at("/methods/" + method.replace("/", "~1"));
            assertThat(m.isObject()).as(method).isTrue();
            assertThat(m.get("cases").asInt()).as(method).isEqualTo(12);
            assertThat(m.get("hitRate").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.get("ndcg").asDouble()).as(method).isBetween(0.0, m.get("hitRate").asDouble());
            assertThat(m.get("coverage").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.get("novelty").asDouble()).as(method).isPositive();
        }
        // the guests buy within one genre, so the genre rule cannot miss them all
        assertThat(result.at("/methods/genre-segment/hitRate").asDouble()).isPositive();
        assertThat(run.output()).contains("HR@10", "NDCG@10", "item-knn", "encore:concept-match", "Result: ");
    }

    @Test
    void shouldReportSimulatedRatesAndUpliftWithSimulatedData() throws Exception {
        // given
        Path out = dir.resolve("simulated.json");

        // when
        Run run = run("evaluate", "--simulated", "--guests", "60", "--concerts", "80", "--history-years", "1",
                "-k", "5", "--out", out.toString(), "--work-dir", dir.resolve("work").toString());

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = JSON.readTree(out.toFile());
        assertThat(result.at("/settings/source").asText()).isEqualTo("simulated");
        assertThat(result.at("/data/testCases").asInt()).isPositive();
        for (String method : methods()) {
            JsonNode m = result.at("/methods/" + method);
            assertThat(m.get("hitRate").isNumber()).as(method).isTrue();
            assertThat(m.get("clickRate").asDouble()).as(method).isBetween(0.0, 1.0);
            assertThat(m.get("purchaseRate").asDouble()).as(method).isNotNegative();
        }
        assertThat(result.at("/uplift/encore vs genre-segment/clickRate").isNumber()).isTrue();
        assertThat(result.at("/uplift/encore vs most-popular/purchaseRate").isNumber()).isTrue();
        assertThat(run.output()).contains("HR@5", "click rate", "uplift encore vs genre-segment");
    }

    @Test
    void shouldNameTheLineOfABadRowWithoutAStackTrace() throws Exception {
        // given
        Path interactions = Files.writeString(dir.resolve("interactions.csv"),
                "guestId,itemId,timestamp\nguest-1,i01,1767657600\nguest-1,i02,next week\n");

        // when
        Run run = run("evaluate", "--items", resource("items.csv"), "--interactions", interactions.toString(),
                "--out", dir.resolve("never.json").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("interactions.csv line 3: timestamp 'next week' is neither epoch seconds")
                .doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("never.json")).doesNotExist();
    }

    @Test
    void shouldGiveAUsageErrorWithoutAnInput() {
        // when
        Run run = run("evaluate");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("give either --simulated or both --items and --interactions");
    }

    private static List<String> methods() {
        List<String> methods = new java.util.ArrayList<>(List.of("encore"));
        ModelRegistry.NAMES.forEach(name -> methods.add("encore:" + name));
        methods.addAll(List.of("item-knn", "most-popular", "genre-segment"));
        return methods;
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(EvaluateCommandTest.class.getResource("/evaluate/" + name).toURI()).toString();
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EncoreCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
