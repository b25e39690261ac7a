package io.encore.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.IdentifierType;
import io.encore.web.FakeSources;
import io.encore.web.Fixtures;
import io.encore.web.WebAppHarness;

/** The e-mail sink's tracking links: a click is reported as the provider would and lands on the concert page. */
class TrackingApiTest {

    private static final String SEND = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String REC = "r1.EMAIL.loyal.campaign-newsletter.1790000000000.ab12";

    private WebAppHarness web;
    private FakeSources fakes;

    @BeforeEach
    void start() {
        web = new WebAppHarness();
        fakes = web.fakes;
        fakes.sends.apply(SEND, Fixtures.send(SEND, "GUEST_ID:g-1", "autumn-newsletter"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldReportAnEmailClickWithSendCampaignAndRecommendationIdAndRedirect302ToTheConcertPage() {
        // when
        HttpResponse<String> response = web.get("/t/c/" + SEND + "/c-7?rec=" + REC);
        // then
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .contains("/concerts/c-7?rec=" + REC + "&as=GUEST_ID%3Ag-1");
        EmailResponse click = fakes.events.only(EmailResponse.class);
        FakeSources.Sent sent = fakes.events.sent.get(0);
        assertThat(sent.topic()).isEqualTo("email-responses");
        assertThat(sent.key()).isEqualTo("GUEST_ID:g-1");
        assertThat(click.getType()).isEqualTo(EmailResponseType.CLICK);
        assertThat(click.getIdentifier().getType()).isEqualTo(IdentifierType.GUEST_ID);
        assertThat(click.getIdentifier().getValue()).isEqualTo("g-1");
        assertThat(click.getSendId()).isEqualTo(SEND);
        assertThat(click.getCampaignId()).isEqualTo("autumn-newsletter");
        assertThat(click.getConcertId()).isEqualTo("c-7");
        assertThat(click.getRecommendationId()).isEqualTo(REC);
        assertThat(click.getLinkUrl()).startsWith("/concerts/c-7?rec=");
    }

    @Test
    void shouldRedirectWithoutAReportWhenTheSendIsUnknown() {
        // when
        HttpResponse<String> response = web.get("/t/c/unknown-send/c-7?rec=" + REC);
        // then
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/concerts/c-7?rec=" + REC);
        assertThat(fakes.events.sent).isEmpty();
    }

    @Test
    void shouldRedirectWithoutRecWhenTheLinkHasNone() {
        // when
        HttpResponse<String> response = web.get("/t/c/" + SEND + "/c-7");
        // then
        assertThat(response.headers().firstValue("Location")).contains("/concerts/c-7?as=GUEST_ID%3Ag-1");
        assertThat(fakes.events.only(EmailResponse.class).getRecommendationId()).isNull();
    }

    @Test
    void shouldReportAnUnsubscribeForTheSendsGuestAndAnswerAPage() {
        // when
        HttpResponse<String> response = web.get("/t/u?send=" + SEND);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        EmailResponse unsubscribe = fakes.events.only(EmailResponse.class);
        assertThat(unsubscribe.getType()).isEqualTo(EmailResponseType.UNSUBSCRIBE);
        assertThat(unsubscribe.getSendId()).isEqualTo(SEND);
        assertThat(unsubscribe.getCampaignId()).isEqualTo("autumn-newsletter");
        assertThat(fakes.events.sent.get(0).key()).isEqualTo("GUEST_ID:g-1");
    }

    @Test
    void shouldAnswer4xxForBadTrackingParameters() {
        assertThat(web.get("/t/c/bad%20send/c-7").statusCode()).isEqualTo(400);
        assertThat(web.get("/t/c/" + SEND + "/c%3C7").statusCode()).isEqualTo(400);
        assertThat(web.get("/t/c/" + SEND + "/c-7?rec=%3Cx%3E").statusCode()).isEqualTo(400);
        assertThat(web.get("/t/u").statusCode()).isEqualTo(400);
        assertThat(web.get("/t/u?send=never-sent").statusCode()).isEqualTo(404);
        assertThat(fakes.events.sent).isEmpty();
    }
}
