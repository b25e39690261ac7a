package io.encore.web.http;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;
import io.encore.web.actions.GuestActions;
import io.encore.web.tracking.SendDirectory;

/**
 * The e-mail tracking host of the demo ({@code tracking.base.url = http://localhost:8080/t}): the e-mail sink
 * writes every concert link as {@code /t/c/{sendId}/{concertId}?rec=…} and the unsubscribe link as
 * {@code /t/u?send={sendId}}. A click is reported as the e-mail provider would, an {@code email-responses}
 * {@code CLICK} keyed by the recipient's guest id with the send, campaign and recommendation ids, and the browser
 * is sent on to the concert page with {@code rec}, acting as that guest.
 */
final class TrackingRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingRoutes.class);

    private final SendDirectory sends;
    private final GuestActions actions;

    TrackingRoutes(SendDirectory sends, GuestActions actions) {
        this.sends = sends;
        this.actions = actions;
    }

    void install(HttpApi.Builder builder) {
        builder.get("/t/c/{sendId}/{concertId}", this::click)
                .get("/t/u", this::unsubscribe)
                .post("/t/u", this::unsubscribe);
    }

    /**
     * 302 to the concert page. A send this app has not seen (older than what it remembers) still redirects,
     * without a report: the guest must reach the concert, and a click that cannot be attributed teaches nothing.
     */
    private Response click(Request request) throws InterruptedException {
        String sendId = Ids.send(request, "sendId");
        String concertId = Ids.concert(request, "concertId");
        Optional<String> rec = Ids.recommendation(request, "rec");
        Optional<SendDirectory.Send> send = sends.find(sendId);
        String target = Views.concertLink(concertId, rec.orElse(null), send.map(SendDirectory.Send::guestId).orElse(null));
        Optional<GuestIdentifier> who = send.flatMap(s -> GuestKeys.parse(s.guestId()));
        if (who.isPresent()) {
            GuestRoutes.await(actions.emailResponse(who.get(), EmailResponseType.CLICK, sendId, send.get().campaignId(),
                    concertId, rec.orElse(null), target));
        } else {
            LOG.info("Click on an e-mail link of unknown send {}: redirected without a report", sendId);
        }
        return Response.text(302, "text/plain; charset=utf-8", "See " + target).withHeader("Location", target)
                .withHeader("Cache-Control", "no-store");
    }

    private Response unsubscribe(Request request) throws InterruptedException {
        String sendId = Ids.send(request, "send");
        Optional<SendDirectory.Send> send = sends.find(sendId);
        Optional<GuestIdentifier> who = send.flatMap(s -> GuestKeys.parse(s.guestId()));
        if (who.isEmpty()) {
            return Response.text(404, Pages.HTML, Pages.notice("Ukendt afmelding · Unknown unsubscribe link",
                    "Vi kender ikke dette link. · This link is not known to us."));
        }
        GuestRoutes.await(actions.emailResponse(who.get(), EmailResponseType.UNSUBSCRIBE, sendId, send.get().campaignId(),
                null, null, null));
        return Response.text(200, Pages.HTML, Pages.notice("Du er afmeldt · You are unsubscribed",
                "Du får ikke flere nyhedsbreve fra os. · You will get no more newsletters from us."));
    }
}
