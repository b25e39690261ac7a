package io.encore.web.actions;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.Device;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.EmailResponseType;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.SalesChannel;
import io.encore.schemas.avro.TicketSale;
import io.encore.schemas.avro.TicketSaleType;
import io.encore.schemas.topic.GuestKeys;
import io.encore.schemas.topic.Topic;
import io.encore.schemas.topic.TopicCatalogue;

/**
 * Turns what the visitor does on the page into the input events Encore learns from, as the site's tracker,
 * the ticketing system and the e-mail provider's webhook would send them: keyed by the identifier the guest
 * was seen under ({@code TYPE:value}), with a fresh event id, the event time now, and the recommendation id
 * the page got from the row's {@code rec} (docs/connectors.md, the feedback link format), so the bandit is
 * credited.
 */
public final class GuestActions {

    /** The currency of a free concert's (zero) ticket sale. */
    static final String DEFAULT_CURRENCY = "DKK";

    private final TopicCatalogue topics;
    private final EventSink sink;
    private final Clock clock;
    private final String source;
    private final Supplier<String> ids;

    /**
     * @param source the events' {@code source} field
     * @param ids    event and order ids; random UUIDs in the app, a counter in tests
     */
    public GuestActions(TopicCatalogue topics, EventSink sink, Clock clock, String source, Supplier<String> ids) {
        this.topics = topics;
        this.sink = sink;
        this.clock = clock;
        this.source = source;
        this.ids = ids;
    }

    public static Supplier<String> randomIds() {
        return () -> UUID.randomUUID().toString();
    }

    /** What the page reports with a click: where, in which language, in which visit. */
    public record Context(String sessionId, String pageUrl, String language, Device device) {

        public Context {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(pageUrl, "pageUrl");
        }
    }

    /** A click-events record of {@code action}'s type; {@code concertId} null for a search. */
    public CompletableFuture<Sent> click(GuestIdentifier who, GuestAction action, String concertId,
                                         String recommendationId, String searchQuery, Context context) {
        ClickEvent event = ClickEvent.newBuilder()
                .setEventId(ids.get())
                .setOccurredAt(clock.instant())
                .setIdentifier(who)
                .setSessionId(context.sessionId())
                .setType(action.clickType().orElseThrow(() -> new IllegalArgumentException(action + " is no click")))
                .setChannel(Channel.WEB)
                .setConcertId(concertId)
                .setSearchQuery(searchQuery)
                .setPageUrl(context.pageUrl())
                .setRecommendationId(recommendationId)
                .setDevice(context.device())
                .setLanguage(context.language())
                .setSource(source)
                .build();
        return send(topics.clickEvents(), who, event.getEventId(), event);
    }

    /**
     * A ticket-sales {@code PURCHASE} on the web of {@code seats} at the concert's cheapest price, carrying the
     * recommendation id kept from the page view to the order, as the checkout does.
     */
    public CompletableFuture<Sent> purchase(GuestIdentifier who, Concert concert, int seats, String recommendationId) {
        String orderId = "web-" + ids.get();
        long unit = concert.getPriceRange() == null ? 0 : concert.getPriceRange().getMinAmountMinor();
        String currency = concert.getPriceRange() == null ? DEFAULT_CURRENCY : concert.getPriceRange().getCurrency();
        TicketSale sale = TicketSale.newBuilder()
                .setEventId(orderId + ":1:PURCHASE")
                .setOccurredAt(clock.instant())
                .setIdentifier(who)
                .setType(TicketSaleType.PURCHASE)
                .setOrderId(orderId)
                .setConcertId(concert.getConcertId())
                .setSalesChannel(SalesChannel.WEB)
                .setSeats(seats)
                .setAmountMinor(unit * seats)
                .setCurrency(currency)
                .setRecommendationId(recommendationId)
                .setSource(source)
                .build();
        return send(topics.ticketSales(), who, sale.getEventId(), sale);
    }

    /** An email-responses record for one send, as the e-mail provider's webhook reports a click or unsubscribe. */
    public CompletableFuture<Sent> emailResponse(GuestIdentifier who, EmailResponseType type, String sendId,
                                                 String campaignId, String concertId, String recommendationId,
                                                 String linkUrl) {
        EmailResponse response = EmailResponse.newBuilder()
                .setEventId(ids.get())
                .setOccurredAt(clock.instant())
                .setIdentifier(who)
                .setType(type)
                .setSendId(sendId)
                .setCampaignId(campaignId)
                .setConcertId(concertId)
                .setRecommendationId(recommendationId)
                .setLinkUrl(linkUrl)
                .setSource(source)
                .build();
        return send(topics.emailResponses(), who, response.getEventId(), response);
    }

    private <V> CompletableFuture<Sent> send(Topic<String, V> topic, GuestIdentifier who,
                                             String eventId, V value) {
        String key = GuestKeys.key(who);
        return sink.send(topic, key, value).thenApply(delivered -> new Sent(eventId, key, delivered));
    }

    /** An event the broker acknowledged: its id, key and where it landed. */
    public record Sent(String eventId, String key, EventSink.Delivered delivered) {
    }
}
