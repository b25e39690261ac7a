package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.IdentifierType;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.web.FakeSources;
import io.encore.web.Fixtures;
import io.encore.web.WebAppHarness;

/** Acting as a guest produces the input events a real site, checkout and tracker would. */
class ActionsApiTest {

    private static final String REC = "r1.WEB.loyal.concept-match.1790000000000.6f1c";

    private WebAppHarness web;
    private FakeSources fakes;

    @BeforeEach
    void start() {
        web = new WebAppHarness();
        fakes = web.fakes;
        fakes.catalogue.apply("c-1", Fixtures.concert("c-1", "Carl Nielsen", 3, "klassisk"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldProduceAPageViewWithTheRowsRecommendationIdKeyedByTheIdentifier() {
        // when
        HttpResponse<String> response = web.post("/api/actions/view?as=COOKIE:abc&concert=c-1&rec=" + REC
                + "&session=s-1&lang=da");
        // then
        assertThat(response.statusCode()).isEqualTo(202);
        FakeSources.Sent sent = fakes.events.sent.get(0);
        assertThat(sent.topic()).isEqualTo("click-events");
        assertThat(sent.key()).isEqualTo("COOKIE:abc");
        ClickEvent click = (ClickEvent) sent.value();
        assertThat(click.getType()).isEqualTo(ClickType.PAGE_VIEW);
        assertThat(click.getIdentifier().getType()).isEqualTo(IdentifierType.COOKIE);
        assertThat(click.getIdentifier().getValue()).isEqualTo("abc");
        assertThat(click.getConcertId()).isEqualTo("c-1");
        assertThat(click.getRecommendationId()).isEqualTo(REC);
        assertThat(click.getChannel()).isEqualTo(Channel.WEB);
        assertThat(click.getSessionId()).isEqualTo("s-1");
        assertThat(click.getLanguage()).isEqualTo("da");
        assertThat(click.getPageUrl()).endsWith("/concerts/c-1");
        assertThat(click.getOccurredAt()).isEqualTo(Fixtures.NOW);
        assertThat(click.getSource()).isEqualTo("encore-web");
        JsonNode body = web.json(response);
        assertThat(body.path("eventId").asText()).isEqualTo(click.getEventId());
        assertThat(body.path("topic").asText()).isEqualTo("click-events");
    }

    @Test
    void shouldProduceFavouriteAndNotInterestedClicksWithTheRecommendationId() {
        // when
        web.post("/api/actions/favourite?as=GUEST_ID:g-1&concert=c-1&rec=" + REC);
        web.post("/api/actions/not-interested?as=GUEST_ID:g-1&concert=c-1&rec=" + REC);
        // then
        assertThat(fakes.events.sent).extracting(s -> ((ClickEvent) s.value()).getType())
                .containsExactly(ClickType.FAVOURITE, ClickType.NOT_INTERESTED);
        assertThat(fakes.events.sent).allSatisfy(s -> {
            assertThat(s.key()).isEqualTo("GUEST_ID:g-1");
            assertThat(((ClickEvent) s.value()).getRecommendationId()).isEqualTo(REC);
        });
        assertThat(fakes.events.sent).extracting(s -> ((ClickEvent) s.value()).getEventId()).doesNotHaveDuplicates();
    }

    @Test
    void shouldProduceAWebPurchaseOfTheSeatsAtTheCataloguePriceCarryingTheRecommendationId() {
        // when
        HttpResponse<String> response = web.post("/api/actions/purchase?as=GUEST_ID:g-1&concert=c-1&seats=3&rec=" + REC);
        // then
        assertThat(response.statusCode()).isEqualTo(202);
        TicketSale sale = fakes.events.only(TicketSale.class);
        assertThat(fakes.events.sent.get(0).topic()).isEqualTo("ticket-sales");
        assertThat(fakes.events.sent.get(0).key()).isEqualTo("GUEST_ID:g-1");
        assertThat(sale.getType()).isEqualTo(TicketSaleType.PURCHASE);
        assertThat(sale.getSalesChannel()).isEqualTo(SalesChannel.WEB);
        assertThat(sale.getSeats()).isEqualTo(3);
        assertThat(sale.getAmountMinor()).isEqualTo(3 * 24_500L);
        assertThat(sale.getCurrency()).isEqualTo("DKK");
        assertThat(sale.getConcertId()).isEqualTo("c-1");
        assertThat(sale.getRecommendationId()).isEqualTo(REC);
        assertThat(sale.getEventId()).isEqualTo(sale.getOrderId() + ":1:PURCHASE");
    }

    @Test
    void shouldProduceAnArtistSearchWithTheQuery() {
        // when
        web.post("/api/actions/search?as=COOKIE:abc&q=Gregory%20Porter");
        // then
        ClickEvent search = fakes.events.only(ClickEvent.class);
        assertThat(search.getType()).isEqualTo(ClickType.ARTIST_SEARCH);
        assertThat(search.getSearchQuery()).isEqualTo("Gregory Porter");
        assertThat(search.getConcertId()).isNull();
    }

    @Test
    void shouldRefuseBadParametersWith4xxAndProduceNothing() {
        assertThat(web.post("/api/actions/view?as=nobody&concert=c-1").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/view?concert=c-1").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/view?as=COOKIE:abc").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/view?as=COOKIE:abc&concert=c-404").statusCode()).isEqualTo(404);
        assertThat(web.post("/api/actions/view?as=COOKIE:abc&concert=c-1&rec=%3Cbad%3E").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/purchase?as=COOKIE:abc&concert=c-1&seats=0").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/purchase?as=COOKIE:abc&concert=c-1&seats=11").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/search?as=COOKIE:abc&q=").statusCode()).isEqualTo(400);
        assertThat(web.post("/api/actions/dance?as=COOKIE:abc&concert=c-1").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/actions/view?as=COOKIE:abc&concert=c-1").statusCode()).isEqualTo(405);
        assertThat(fakes.events.sent).isEmpty();
    }

    @Test
    void shouldAnswer409WhenTheConcertIsNotOnSale() {
        // given
        fakes.catalogue.apply("c-1", Concert.newBuilder(Fixtures.concert("c-1", "Carl Nielsen", 3))
                .setStatus(ConcertStatus.SOLD_OUT).setVersion(2).build());
        // when
        HttpResponse<String> response = web.post("/api/actions/purchase?as=COOKIE:abc&concert=c-1");
        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(fakes.events.sent).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaRefusesTheEvent() {
        // given
        fakes.events.failure = new TimeoutException("broker down");
        // when
        HttpResponse<String> response = web.post("/api/actions/view?as=COOKIE:abc&concert=c-1");
        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(web.json(response).path("error").asText()).contains("broker down");
    }
}
