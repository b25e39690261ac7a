package io.encore.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scoring kernel under JMH, run as a child process of the shaded benchmarks jar (the local stack never
 * depends on the benchmarks module): one guest against 1,000 concerts × 64 dimensions. {@code dotProductsKernel}
 * is the 1,000 dot products alone, {@code conceptMatchScore} the whole content model (kernel, norms, eligible
 * set), {@code rankTop10} the ranking after it.
 */
final class KernelRun {

    static final String BENCHMARKS = "ScoringBenchmarks\\.(dotProductsKernel|conceptMatchScore|rankTop10)$";

    private KernelRun() {
    }

    /**
     * @param quick fewer, shorter iterations (2 × 1 s warm-up, 3 × 1 s measurement) instead of the jar's own
     *              settings (3 × 1 s, 5 × 1 s)
     */
    static BenchResult.Kernel run(Path jar, boolean quick, Path work, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            return new BenchResult.Kernel(false, "benchmarks jar not found: " + jar + " (./mvnw -B -pl benchmarks -am package)",
                    List.of());
        }
        Path out = work.resolve("kernel.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), BENCHMARKS, "-f", "1", "-rf", "json", "-rff", out.toString()));
        if (quick) {
            command.addAll(List.of("-wi", "2", "-w", "1s", "-i", "3", "-r", "1s"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new BenchResult.Kernel(false, "JMH did not finish within 10 minutes; see " + log, List.of());
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
            return new BenchResult.Kernel(false, "JMH exited with " + process.exitValue() + "; see " + log, List.of());
        }
        List<BenchResult.KernelFigure> figures = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(out.toFile())) {
            String name = run.path("benchmark").asText();
            JsonNode metric = run.path("primaryMetric");
            figures.add(new BenchResult.KernelFigure(name.substring(name.lastIndexOf('.') + 1),
                    metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
        }
        return new BenchResult.Kernel(true, String.join(" ", command.subList(1, command.size())), figures);
    }
}
