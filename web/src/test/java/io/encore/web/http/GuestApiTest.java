package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.web.FakeSources;
import io.encore.web.Fixtures;
import io.encore.web.WebAppHarness;

/** The guest's side of the API: picking a guest and reading the front page as they see it. */
class GuestApiTest {

    private WebAppHarness web;
    private FakeSources fakes;

    @BeforeEach
    void start() {
        web = new WebAppHarness();
        fakes = web.fakes;
        fakes.catalogue.apply("c-1", Fixtures.concert("c-1", "Carl Nielsen: Symfoni nr. 4", 3, "klassisk"));
        fakes.catalogue.apply("c-2", Fixtures.concert("c-2", "Gregory Porter", 10, "jazz"));
        fakes.guests.applyProfile("GUEST_ID:g-1", Fixtures.profile("GUEST_ID:g-1",
                List.of("GUEST_ID:g-1", "COOKIE:abc"), new float[] {1, 0}, "gregory porter", "jazz"));
        fakes.guests.applyContact("GUEST_ID:g-1", Fixtures.contact("GUEST_ID:g-1", "Anna", "da"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-colon", "FOO:bar", "COOKIE:a%20b", "COOKIE:%3Cscript%3E", ":value", "COOKIE:"})
    void shouldAnswer400WhenTheGuestIdIsNotTypeValue(String id) {
        // when
        HttpResponse<String> response = web.get("/api/guests/" + id + "/home");
        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(web.json(response).path("error").asText()).contains("'id'");
    }

    @Test
    void shouldAnswer400WhenTheGuestIdIsLongerThan300Characters() {
        // when
        HttpResponse<String> response = web.get("/api/guests/COOKIE:" + "a".repeat(294) + "/home");
        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(web.json(response).path("error").asText()).contains("at most 300");
    }

    @Test
    void shouldServeTheRowInRankOrderWithConcertDetailsReasonsAndFeedbackLinksWhenRedisHasTheSet() {
        // given: the web sink wrote the list under the alias the visitor is known by
        fakes.redis.put("COOKIE:abc", Fixtures.webSetJson("r1.WEB.loyal.concept-match.1.u", "GUEST_ID:g-1", "c-2", "c-1"));
        // when
        JsonNode home = web.getJson("/api/guests/COOKIE:abc/home");
        // then
        JsonNode row = home.path("row");
        assertThat(row.path("recommendationId").asText()).isEqualTo("r1.WEB.loyal.concept-match.1.u");
        assertThat(row.path("source").asText()).isEqualTo("redis");
        assertThat(row.path("items")).extracting(item -> item.path("concertId").asText()).containsExactly("c-2", "c-1");
        JsonNode first = row.path("items").get(0);
        assertThat(first.path("link").asText()).isEqualTo("/concerts/c-2?rec=r1.WEB.loyal.concept-match.1.u&as=COOKIE%3Aabc");
        assertThat(first.path("reasons").get(0).path("text").asText()).isEqualTo("Fordi du kan lide jazz");
        assertThat(first.path("concert").path("title").asText()).isEqualTo("Gregory Porter");
        assertThat(first.path("concert").path("priceText").asText()).isEqualTo("fra 245 kr.");
        assertThat(first.path("concert").path("hall").asText()).isEqualTo("Koncertsalen");
        assertThat(home.path("language").asText()).isEqualTo("da");
        assertThat(home.path("guest").path("name").asText()).isEqualTo("Anna (GUEST_ID:g-1)");
    }

    @Test
    void shouldFallBackToScoringStreamsExplanationWhenRedisHasNoSet() throws Exception {
        // given
        fakes.apis.explanations.put("GUEST_ID:g-1", FakeSources.MAPPER.readTree(
                "{\"guestId\":\"GUEST_ID:g-1\",\"channel\":\"WEB\",\"recommendationId\":\"r1.WEB.loyal.trending.2.x\","
                        + "\"arm\":\"trending\",\"armPropensity\":0.4,\"holdout\":false,\"generatedAt\":\"2026-11-23T11:00:00Z\","
                        + "\"items\":[{\"rank\":1,\"concertId\":\"c-1\",\"model\":\"trending\",\"score\":0.9,"
                        + "\"reasons\":[{\"code\":\"TRENDING\",\"text\":\"Sælger godt lige nu\",\"concept\":null}]}]}"));
        // when
        JsonNode row = web.getJson("/api/guests/GUEST_ID:g-1/home").path("row");
        // then
        assertThat(row.path("source").asText()).isEqualTo("scoring-api");
        assertThat(row.path("arm").asText()).isEqualTo("trending");
        assertThat(row.path("items").get(0).path("concert").path("concertId").asText()).isEqualTo("c-1");
    }

    @Test
    void shouldAnswer200WithNoGuestAndNoRowForAVisitorEncoreDoesNotKnowYet() {
        // when
        JsonNode home = web.getJson("/api/guests/COOKIE:brand-new/home");
        // then
        assertThat(home.path("guest").isNull()).isTrue();
        assertThat(home.path("row").isNull()).isTrue();
        assertThat(home.path("calendar")).extracting(entry -> entry.path("concert").path("concertId").asText())
                .containsExactly("c-1", "c-2");
    }

    @Test
    void shouldShowTheConcertsInEnglishWhenTheLanguageIsAskedFor() {
        // when
        JsonNode calendar = web.getJson("/api/guests/COOKIE:abc/home?lang=en").path("calendar");
        // then
        JsonNode concert = calendar.get(0).path("concert");
        assertThat(concert.path("title").asText()).isEqualTo("Carl Nielsen: Symfoni nr. 4 (EN)");
        assertThat(concert.path("priceText").asText()).isEqualTo("from DKK 245");
        assertThat(concert.path("date").path("text").asText()).isEqualTo("Thursday 26 November 2026, 20:30");
    }

    @Test
    void shouldFindGuestsByFirstNameAndAliasShowingFirstNameAndIdButNoContactDetail() {
        // when
        HttpResponse<String> byName = web.get("/api/guests?q=ann");
        JsonNode byAlias = web.getJson("/api/guests?q=COOKIE:ab");
        // then
        assertThat(web.json(byName).path("guests")).extracting(g -> g.path("name").asText())
                .containsExactly("Anna (GUEST_ID:g-1)");
        assertThat(byAlias.path("guests")).extracting(g -> g.path("guestId").asText()).containsExactly("GUEST_ID:g-1");
        assertThat(byName.body()).doesNotContain("secret.person@example.org", "+4512345678", "Hemmelig");
        assertThat(web.get("/api/guests/COOKIE:abc").body()).doesNotContain("secret.person@example.org", "Hemmelig");
    }

    @Test
    void shouldAnswer400ForABadSearchKindOrLimit() {
        assertThat(web.get("/api/guests?kind=vip").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/guests?limit=0").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/guests?limit=many").statusCode()).isEqualTo(400);
        assertThat(web.get("/api/guests?q=" + "x".repeat(101)).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404ForAnUnknownConcertAnd400ForABadConcertId() {
        assertThat(web.get("/api/concerts/c-404").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/concerts/c%20404").statusCode()).isEqualTo(400);
        assertThat(web.getJson("/api/concerts/c-1?lang=en").path("title").asText()).isEqualTo("Carl Nielsen: Symfoni nr. 4 (EN)");
    }
}
