package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.encore.web.WebAppHarness;

/**
 * Every asset a page refers to, directly (src, href) or through a module import, is in the jar and served with
 * a text content type; nothing is referenced from another origin; the pages carry the hooks browser tests use.
 */
class StaticAssetsTest {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s+'([^']+)'");
    private static final List<String> PAGES = List.of("/", "/concerts/c-1", "/operator");

    private static WebAppHarness web;

    @BeforeAll
    static void start() {
        web = new WebAppHarness();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void shouldServeEveryAssetThePagesAndTheirModulesReferToFromTheJar() {
        // given
        Set<String> referenced = new LinkedHashSet<>();
        List<String> modules = new ArrayList<>();
        for (String page : PAGES) {
            HttpResponse<String> response = web.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            for (String reference : matches(ATTRIBUTE, response.body())) {
                if (reference.startsWith("/assets/")) {
                    referenced.add(reference);
                    if (reference.endsWith(".js") && !reference.contains("/echarts/")) {
                        modules.add(reference);
                    }
                }
            }
        }
        // modules import modules: follow them all
        while (!modules.isEmpty()) {
            String module = modules.remove(0);
            for (String imported : matches(IMPORT, web.get(module).body())) {
                String resolved = URI.create("http://x" + module).resolve(imported).getPath();
                if (referenced.add(resolved)) {
                    modules.add(resolved);
                }
            }
        }
        // then
        assertThat(referenced).contains("/assets/echarts/echarts.min.js", "/assets/js/front.js", "/assets/js/common.js",
                "/assets/js/wordcloud.js", "/assets/css/site.css");
        for (String asset : referenced) {
            HttpResponse<String> response = web.get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
            assertThat(response.headers().firstValue("Content-Type")).as(asset)
                    .hasValueSatisfying(type -> assertThat(type).matches("(text/(javascript|css)|image/svg\\+xml); charset=utf-8"));
            String resource = asset.startsWith("/assets/echarts/") ? null : StaticAssets.ROOT + asset.substring("/assets/".length());
            if (resource != null) {
                assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
            }
        }
    }

    @Test
    void shouldListOnlyFilesThatExistInTheManifest() {
        for (String file : StaticAssets.manifest(getClass().getClassLoader())) {
            assertThat(getClass().getClassLoader().getResource(StaticAssets.ROOT + file)).as(file).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/concerts/c-1", "/operator"})
    void shouldReferToNothingOnAnotherOriginAndSendASameOriginPolicy(String page) {
        // when
        HttpResponse<String> response = web.get(page);
        // then
        assertThat(matches(ATTRIBUTE, response.body()))
                .allSatisfy(reference -> assertThat(reference).matches("(/[^/].*|/|#.+)"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'"));
    }

    @Test
    void shouldServeEchartsFromItsWebjar() {
        // when
        HttpResponse<String> response = web.get("/assets/echarts/echarts.min.js");
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("echarts").hasSizeGreaterThan(500_000);
    }

    @Test
    void shouldGiveBrowserTestsStableHooks() {
        String front = web.get("/").body();
        String concert = web.get("/concerts/c-1").body();
        String operator = web.get("/operator").body();
        String cards = web.get("/assets/js/cards.js").body();
        assertThat(front).contains("data-testid=\"guest-picker\"", "data-testid=\"guest-search\"", "data-testid=\"guest-list\"",
                "data-testid=\"new-visitor\"", "data-testid=\"selected-row\"", "data-testid=\"selected-cards\"",
                "data-testid=\"calendar-row\"", "data-testid=\"activity-log\"", "data-testid=\"artist-search\"");
        assertThat(cards).contains("'data-concert-id'", "'action-favourite'", "'action-not-interested'", "'action-buy'");
        assertThat(concert).contains("data-testid=\"action-favourite\"", "data-testid=\"action-buy\"",
                "data-testid=\"concert-title\"");
        for (String chart : List.of("throughput", "lag", "latency", "changes", "bandit-shares", "bandit-posteriors",
                "uplift", "uplift-history", "value-groups", "segments", "transitions-segments", "transitions-values",
                "cluster-map", "audiences")) {
            assertThat(operator).contains("data-testid=\"chart-" + chart + "\"");
        }
        assertThat(operator).contains("data-testid=\"word-clouds\"", "data-testid=\"outbox\"");
        assertThat(web.get("/assets/js/operator.js").body()).contains("window.encoreReady = true", "dataset.rendered");
        assertThat(web.get("/assets/js/front.js").body()).contains("window.encoreReady = true");
    }

    @Test
    void shouldAnswer404ForAnAssetThatIsNotThere() {
        assertThat(web.get("/assets/js/missing.js").statusCode()).isEqualTo(404);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
