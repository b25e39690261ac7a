package io.encore.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The deployment files without a Docker engine: {@code docker-compose.yml} as Debian's docker-compose 1.29 reads it
 * ({@code config -q}, then the resolved file), the services docs/operations.md promises, and the Dockerfile's
 * targets and sources. docker-compose comes from {@code src/test/deploy/ensure-docker-compose.sh}, which the build
 * runs before the integration tests; without it this test fails (it never skips).
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of(System.getProperty("encore.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Map<String, String> TOKENS = Map.of(
            "ENCORE_HTTP_AUTH_TOKEN", "test-auth-token", "ENCORE_HTTP_ADMIN_TOKEN", "test-admin-token");
    private static final String PROFILE_MAIN = "io.encore.profile.ProfileStreamApp";
    private static final String SCORING_MAIN = "io.encore.scoring.ScoringStreamApp";
    private static final String WEB_MAIN = "io.encore.web.WebApp";
    private static final String TOPICS_MAIN = "io.encore.runtime.topics.CreateTopics";

    /** The resolved compose file, as docker-compose prints it with the tokens set. */
    private static JsonNode services;

    @BeforeAll
    static void resolveComposeFile() throws Exception {
        Result config = compose(TOKENS, emptyEnvFile(), "config");
        assertThat(config.exitCode()).as("docker-compose config: %s", config.stderr()).isZero();
        // jackson-dataformat-yaml comes with kafka_2.13 (runtime scope, so on the test class path)
        services = new ObjectMapper(new YAMLFactory()).readTree(config.stdout()).get("services");
        assertThat(services).as("services in the resolved compose file").isNotNull();
    }

    @Test
    void shouldBeValidForDockerCompose129WhenTheTokensAreSet() throws Exception {
        // when
        Result quiet = compose(TOKENS, emptyEnvFile(), "config", "-q");

        // then
        assertThat(quiet.exitCode()).as(quiet.stderr()).isZero();
        assertThat(quiet.stdout()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWhenATokenIsMissingEvenWithTheCommittedExample() throws Exception {
        // given: the committed example holds no token, so copying it as it is must not work either
        Path example = ROOT.resolve(".env.example");
        assertThat(example).exists();

        // when
        Result withoutTokens = compose(Map.of(), example, "config", "-q");

        // then
        assertThat(withoutTokens.exitCode()).isNotZero();
        assertThat(withoutTokens.stderr()).contains("ENCORE_HTTP_AUTH_TOKEN");
    }

    @Test
    void shouldRunAKraftBrokerOfKafka431AndAConfluentCompatibleRegistry() {
        // given
        JsonNode kafka = onlyServiceWithImage("apache/kafka:4.3.1");
        JsonNode registry = onlyServiceWithImage("apicurio/apicurio-registry-mem:2.4.2.Final");

        // then
        assertThat(kafka.at("/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.at("/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(registry.at("/environment/REGISTRY_RULES_GLOBAL_COMPATIBILITY").asText()).isEqualTo("BACKWARD");
        for (String app : List.of(PROFILE_MAIN, SCORING_MAIN, WEB_MAIN, TOPICS_MAIN)) {
            for (JsonNode service : runningMain(app).values()) {
                assertThat(service.at("/environment/SCHEMA_REGISTRY_URL").asText())
                        .isEqualTo("http://schema-registry:8080/apis/ccompat/v7");
                assertThat(service.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:19092");
            }
        }
    }

    @Test
    void shouldRunTwoInstancesOfEachStreamAppWithTheirOwnHostStateAndTokens() {
        for (String main : List.of(PROFILE_MAIN, SCORING_MAIN)) {
            // given
            Map<String, JsonNode> instances = runningMain(main);

            // then
            assertThat(instances).as(main).hasSize(2);
            Set<String> stateVolumes = new HashSet<>();
            instances.forEach((name, service) -> {
                JsonNode environment = service.get("environment");
                assertThat(environment.path("ENCORE_HTTP_ADVERTISED_HOST").asText()).as(name).isEqualTo(name);
                assertThat(environment.path("ENCORE_HTTP_AUTH_TOKEN").asText()).as(name).isEqualTo("test-auth-token");
                assertThat(environment.path("ENCORE_HTTP_ADMIN_TOKEN").asText()).as(name).isEqualTo("test-admin-token");
                String stateDir = environment.path("KAFKA_STATE_DIR").asText();
                assertThat(stateDir).as(name + " state.dir").isNotEmpty();
                String volume = volumeAt(service, stateDir);
                assertThat(volume).as(name + " volume at " + stateDir).isNotNull();
                stateVolumes.add(volume);
                assertThat(service.at("/depends_on/topics/condition").asText()).as(name)
                        .isEqualTo("service_completed_successfully");
            });
            assertThat(stateVolumes).as("one state volume per instance of " + main).hasSize(2);
        }
    }

    @Test
    void shouldCreateTheTopicsOnceWithTheRuntimesOneShot() {
        // when
        Map<String, JsonNode> topics = runningMain(TOPICS_MAIN);

        // then
        assertThat(topics).containsOnlyKeys("topics");
        assertThat(topics.get("topics").at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        assertThat(topics.get("topics").path("restart").asText()).isEqualTo("no");
    }

    @Test
    void shouldRunConnectWithTheSinksRedisAndTheWebApp() {
        // given
        JsonNode connect = services.get("connect");
        JsonNode redis = services.get("redis");

        // then
        assertThat(connect).as("service connect").isNotNull();
        assertThat(connect.at("/build/target").asText()).isEqualTo("connect");
        assertThat(redis).as("service redis").isNotNull();
        assertThat(redis.path("image").asText()).startsWith("redis:");
        Map<String, JsonNode> web = runningMain(WEB_MAIN);
        assertThat(web).containsOnlyKeys("web");
        assertThat(web.get("web").at("/environment/ENCORE_WEB_REDIS_URL").asText()).isEqualTo("redis://redis:6379");
        assertThat(web.get("web").at("/environment/ENCORE_WEB_API_TOKEN").asText()).as("the web app sends the admin token")
                .isNotBlank();
        assertThat(ROOT.resolve("deploy/connect/worker.properties")).exists();
        assertThat(ROOT.resolve("deploy/connect/web-sink.json")).exists();
    }

    @Test
    void shouldRegisterTheWebSinkAsTheExampleWithTheComposeAddresses() throws IOException {
        // given
        ObjectMapper json = new ObjectMapper();
        JsonNode example = json.readTree(ROOT.resolve("connectors/config/web-sink.json").toFile());

        // when
        JsonNode compose = json.readTree(ROOT.resolve("deploy/connect/web-sink.json").toFile());

        // then: the same connector; only the addresses and the dead-letter topic's replication differ
        assertThat(compose.at("/schema.registry.url").asText()).isEqualTo("http://schema-registry:8080/apis/ccompat/v7");
        assertThat(compose.at("/redis.url").asText()).isEqualTo("redis://redis:6379");
        Set<String> differing = Set.of("schema.registry.url", "redis.url", "errors.deadletterqueue.topic.replication.factor");
        assertThat(names(compose)).isEqualTo(names(example));
        for (String name : names(example)) {
            if (!differing.contains(name)) {
                assertThat(compose.get(name)).as(name).isEqualTo(example.get(name));
            }
        }
    }

    @Test
    void shouldBuildEveryImageFromADockerfileTargetThatExists() throws IOException {
        Map<String, Set<String>> targetsByDockerfile = new LinkedHashMap<>();
        services.properties().forEach(entry -> {
            JsonNode build = entry.getValue().get("build");
            if (build == null) {
                return;
            }
            // given
            Path dockerfile = Path.of(build.path("context").asText()).resolve(build.path("dockerfile").asText("Dockerfile"));

            // then
            assertThat(dockerfile).as(entry.getKey() + "'s Dockerfile").exists();
            targetsByDockerfile.computeIfAbsent(dockerfile.toString(), f -> new HashSet<>()).add(build.path("target").asText());
        });
        assertThat(targetsByDockerfile).isNotEmpty();
        for (Map.Entry<String, Set<String>> entry : targetsByDockerfile.entrySet()) {
            String text = Files.readString(Path.of(entry.getKey()));
            for (String target : entry.getValue()) {
                assertThat(text).as(entry.getKey()).containsPattern("(?m)^FROM \\S+ AS " + Pattern.quote(target) + "$");
            }
            assertThat(copiedPathsMissingFrom(text)).as("COPY sources of " + entry.getKey() + " missing in the repository")
                    .isEmpty();
        }
    }

    @Test
    void shouldNameMainClassesThatExistWithAMainMethod() throws Exception {
        for (String main : List.of(PROFILE_MAIN, SCORING_MAIN, WEB_MAIN, TOPICS_MAIN)) {
            // when
            Method method = Class.forName(main).getMethod("main", String[].class);

            // then
            assertThat(Modifier.isStatic(method.getModifiers())).as(main).isTrue();
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }

    /** Services that run {@code main}: by build argument, unless the environment sets another class. */
    private static Map<String, JsonNode> runningMain(String main) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        services.properties().forEach(entry -> {
            JsonNode service = entry.getValue();
            String fromEnvironment = service.at("/environment/MAIN_CLASS").asText(null);
            String fromBuild = service.at("/build/args/MAIN_CLASS").asText(null);
            if (main.equals(fromEnvironment != null ? fromEnvironment : fromBuild)) {
                found.put(entry.getKey(), service);
            }
        });
        return found;
    }

    private static JsonNode onlyServiceWithImage(String image) {
        List<JsonNode> matching = new ArrayList<>();
        services.forEach(service -> {
            if (image.equals(service.path("image").asText()) && !service.has("build")) {
                matching.add(service);
            }
        });
        assertThat(matching).as("services with image " + image).hasSize(1);
        return matching.get(0);
    }

    /** The named volume mounted at {@code path} ({@code name:path[:mode]}), or null. */
    private static String volumeAt(JsonNode service, String path) {
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[1].equals(path) && !parts[0].startsWith("/")) {
                return parts[0];
            }
        }
        return null;
    }

    /** Sources of the Dockerfile's COPY lines (not --from) that the repository lacks. */
    private static List<String> copiedPathsMissingFrom(String dockerfile) {
        List<String> missing = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(dockerfile);
        while (copy.find()) {
            String[] parts = copy.group(1).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!Files.exists(ROOT.resolve(parts[i]))) {
                    missing.add(parts[i]);
                }
            }
        }
        return missing;
    }

    /** An env file with nothing in it, so that a developer's own .env cannot change what the test sees. */
    private static Path emptyEnvFile() throws IOException {
        Path file = Files.createTempFile("encore-compose-test", ".env");
        file.toFile().deleteOnExit();
        return file;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result compose(Map<String, String> variables, Path envFile, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", envFile.toString(),
                "-f", COMPOSE_FILE.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ENCORE_") || name.startsWith("COMPOSE_"));
        builder.environment().putAll(variables);
        Path stdout = Files.createTempFile("compose", ".out");
        Path stderr = Files.createTempFile("compose", ".err");
        try {
            Process process;
            try {
                process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("docker-compose cannot be run (" + e.getMessage() + "); install it with "
                        + "local-stack/src/test/deploy/ensure-docker-compose.sh, or skip the integration tests with -DskipITs", e);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose %s finished", command).isTrue();
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
