package io.encore.stack;

import static io.encore.stack.ItTraffic.committedConsumer;
import static io.encore.stack.ItTraffic.producer;
import static io.encore.stack.ItTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.DeadLetter;
import io.encore.schemas.registry.RegistryClientConfig;
import io.encore.schemas.registry.SchemaRegistryClients;
import io.encore.schemas.serde.AvroWireFormat;
import io.encore.schemas.topic.TopicCatalogue;
import io.encore.scoring.bandit.Holdout;
import io.encore.stack.WebPageTraffic.Guest;
import io.encore.stack.WebPageTraffic.Show;

/**
 * The demo's web pages in a real headless Chromium: {@code ./encore demo} runs as a process, the test feeds it a
 * season and two guests through its broker, and {@code src/test/browser/web-page.mjs} (playwright-core driving
 * Debian's {@code chromium}) checks that the two guests see different "Selected for you" rows led by their own
 * kind of concert, that a purchase takes the bought concert out of the buyer's row, and that the operator view
 * draws every chart with no console error on any page. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Needs Node 20+ and npm (the packages come from the npm registry, {@code npm ci} into target/browser-test)
 * and Chromium at {@code /usr/bin/chromium} (or {@code ENCORE_CHROMIUM}), which the build's
 * {@code ensure-chromium} step installs from Debian's packages when it can. Fails, never skips, without them.
 */
class WebPageIT {

    private static final Logger LOG = LoggerFactory.getLogger(WebPageIT.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(150);
    private static final Duration FED_WITHIN = Duration.ofSeconds(90);
    private static final Duration BROWSER_WITHIN = Duration.ofSeconds(150);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(90);
    private static final List<String> BROWSER_FILES = List.of("package.json", "package-lock.json", "web-page.mjs");
    private static final List<Guest> GUESTS = List.of(WebPageTraffic.JAZZ_LOVER, WebPageTraffic.NIELSEN_LOVER);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private final Path runDir = moduleDir.resolve("target/web-page-it/run-" + System.currentTimeMillis());
    private DemoProcess demo;

    @AfterEach
    void stopWhatIsLeft() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldShowEachGuestTheirOwnRowAndDrawTheOperatorViewWhenTheDemoRunsInChromium() throws Exception {
        // given: the guests are outside scoring-stream's holdout, whose control list ignores taste
        for (Guest guest : GUESTS) {
            assertThat(new Holdout().isHoldout(guest.id())).as("%s must not be in the default holdout", guest.id()).isFalse();
        }
        long started = System.nanoTime();
        NodeScript browser = NodeScript.install(moduleDir.resolve("src/test/browser"), moduleDir.resolve("target/browser-test"),
                BROWSER_FILES);
        Path screenshots = Files.createDirectories(moduleDir.resolve("target/screenshots"));
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }

        // given: ./encore demo on free ports, with an empty data directory of its own
        demo = DemoProcess.start(moduleDir.getParent().resolve("encore"), Files.createDirectories(runDir), runDir.resolve("data"));
        demo.awaitReady(READY_WITHIN);
        String web = stripSlash(demo.endpoint("Web app"));
        LOG.info("./encore demo ready after {} s; web app at {}", seconds(started), web);

        // given: a season through the concerts topic, then two guests with consent, contact and history
        String bootstrap = demo.endpoint("Kafka");
        TopicCatalogue topics = new TopicCatalogue("", TopicCatalogue.DEFAULT_PARTITIONS,
                new AvroWireFormat(SchemaRegistryClients.create(RegistryClientConfig.of(demo.endpoint("Schema registry"))), true));
        List<Show> season = feed(bootstrap, topics, demo.endpoint("profile-stream"), web);
        LOG.info("season and guests fed, both rows served, after {} s", seconds(started));

        // when: Chromium goes through the front page as both guests, buys as one, and opens the operator view
        Path runConfig = writeRunConfig(web, screenshots, season);
        NodeScript.Run run = browser.node(BROWSER_WITHIN, List.of("web-page.mjs", "--config", runConfig.toString()),
                line -> LOG.info("[browser] {}", line));

        // then
        assertThat(run.exitCode()).as(() -> failureOf(run)).isZero();
        assertThat(screenshots.resolve("operator.png")).isNotEmptyFile();
        assertThat(deadLetters(bootstrap, topics)).as("dead letters of what the test fed and the page sent").isEmpty();
        LOG.info("browser test passed after {} s; screenshots in {}", seconds(started), screenshots);

        // when: stopped as a terminal's Ctrl-C would
        List<ProcessHandle> children = demo.children();
        boolean stopped = demo.stop(STOP_WITHIN);

        // then: nothing is left running
        assertThat(stopped).as("./encore demo stopped within %s s:\n%s", STOP_WITHIN.toSeconds(), demo.output()).isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %s still running", child.pid()).isFalse();
        }
        LOG.info("WebPageIT done in {} s", seconds(started));
        Directories.deleteRecursively(runDir);
    }

    /** Feeds the demo's broker and waits until the web app serves a row for each guest. */
    private List<Show> feed(String bootstrap, TopicCatalogue topics, String profileApi, String web) throws Exception {
        Instant now = Instant.now();
        List<Show> season = WebPageTraffic.season(now);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            season.forEach(show -> send(producer, topics.concerts(), show.id(), show.concert()));
            producer.flush();
            // events about a concert profile-stream has not profiled yet wait in its pending hold (10 s retries)
            awaitConcerts(season, profileApi, web);
            // consent a day before the history: well inside profile-stream's 30-day de-duplication horizon, which
            // follows the newest event seen, in whichever order the topics are read
            Instant consented = now.minus(Duration.ofDays(4));
            for (Guest guest : GUESTS) {
                send(producer, topics.guestConsents(), guest.id(), WebPageTraffic.consent(guest, consented));
                send(producer, topics.guestContacts(), guest.id(), WebPageTraffic.contact(guest, consented));
                for (ClickEvent event : WebPageTraffic.history(guest, season, now)) {
                    send(producer, topics.clickEvents(), guest.id(), event);
                }
            }
            producer.flush();
        }
        for (Guest guest : GUESTS) {
            await("the web app serves " + guest.id() + " with a name and a row").atMost(FED_WITHIN)
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        JsonNode home = get(web + "/api/guests/" + guest.id() + "/home");
                        assertThat(home.path("guest").path("firstName").asText()).as(home::toString).isEqualTo(guest.firstName());
                        assertThat(home.path("row").path("items").size()).as(home::toString).isPositive();
                    });
        }
        return season;
    }

    private void awaitConcerts(List<Show> season, String profileApi, String web) {
        await("profile-stream profiles every concert").atMost(FED_WITHIN).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (Show show : season) {
                        assertThat(status(profileApi + "/concerts/" + show.id() + "/profile")).as(show.id()).isEqualTo(200);
                    }
                });
        await("the web app holds every concert").atMost(FED_WITHIN).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (Show show : season) {
                        assertThat(status(web + "/api/concerts/" + show.id())).as(show.id()).isEqualTo(200);
                    }
                });
    }

    /** Every record of the dead-letters topic, as "application stage: reason (topic key)". */
    private static List<String> deadLetters(String bootstrap, TopicCatalogue topics) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.deadLetters().name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = topics.deadLetters().valueSerde().deserializer().deserialize(record.topic(), record.value());
                    found.add(letter.getApplication() + " " + letter.getStage() + ": " + letter.getReason()
                            + " (" + letter.getSourceTopic() + " "
                            + (letter.getKey() == null ? "no key" : StandardCharsets.UTF_8.decode(letter.getKey().duplicate())) + ")");
                }
            }
        }
        return found;
    }

    /** What the browser script needs: where to go, where to save, and which concerts are each guest's kind. */
    private Path writeRunConfig(String web, Path screenshots, List<Show> season) throws IOException {
        List<Map<String, Object>> guests = new ArrayList<>();
        for (Guest guest : GUESTS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", guest.id());
            entry.put("firstName", guest.firstName());
            entry.put("kind", guest.kind().name());
            entry.put("kindConcertIds", season.stream().filter(show -> show.kind() == guest.kind()).map(Show::id).toList());
            guests.add(entry);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("baseUrl", web);
        config.put("screenshotDir", screenshots.toString());
        config.put("userDataDir", Files.createDirectories(runDir.resolve("chromium-profile")).toString());
        config.put("chromium", System.getenv().getOrDefault("ENCORE_CHROMIUM", "/usr/bin/chromium"));
        config.put("guests", guests);
        Path file = runDir.resolve("browser-run.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config), StandardCharsets.UTF_8);
        return file;
    }

    /** The script's own verdict first (its ✘ line names the step and what was seen), then its output. */
    private String failureOf(NodeScript.Run run) {
        String verdict = run.output().lines().filter(line -> line.startsWith("✘")).reduce((first, last) -> last)
                .orElse(run.timedOut() ? "the browser script did not finish" : "the browser script failed");
        return "browser test: " + verdict + "\n" + run.describe() + "\n--- ./encore demo (last lines) ---\n" + demo.output();
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(url), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s → %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(request(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
