package io.encore.profile.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import io.encore.profile.avro.ConsentFlags;
import io.encore.profile.avro.EventKind;
import io.encore.profile.avro.GuestEvent;
import io.encore.profile.identity.Identifiers;
import io.encore.runtime.errors.RejectedRecordException;
import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.TicketSale;

/**
 * Turns each kind of input event into one {@link GuestEvent}, or rejects it with a reason: missing ids,
 * unknown event types, timestamps too far ahead of the wall clock, events that name no concert where one is
 * required. Rejected records go to the dead-letter topic; nothing is dropped silently.
 */
public final class Normalizer {

    private final Duration maxFutureSkew;

    public Normalizer(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    public GuestEvent normalize(SpecificRecord record, String sourceTopic, long wallClockMillis) {
        GuestEvent.Builder event = builderFor(record);
        GuestEvent normalized = event.setSourceTopic(sourceTopic).build();
        requireText(normalized.getEventId(), "eventId");
        if (normalized.getOccurredAt() > wallClockMillis + maxFutureSkew.toMillis()) {
            throw new RejectedRecordException("occurredAt " + normalized.getOccurredAt() + " is more than "
                    + maxFutureSkew + " ahead of the wall clock");
        }
        if (normalized.getOccurredAt() <= 0) {
            throw new RejectedRecordException("occurredAt " + normalized.getOccurredAt() + " is not a valid event time");
        }
        return normalized;
    }

    private static GuestEvent.Builder builderFor(SpecificRecord record) {
        if (record instanceof ClickEvent click) {
            return click(click);
        } else if (record instanceof EmailResponse email) {
            return email(email);
        } else if (record instanceof AdInteraction ad) {
            return ad(ad);
        } else if (record instanceof TicketSale sale) {
            return sale(sale);
        } else if (record instanceof MarketSpend spend) {
            return spend(spend);
        } else if (record instanceof GuestConsent consent) {
            return consent(consent);
        }
        throw new RejectedRecordException("unsupported record type " + record.getSchema().getFullName());
    }

    private static GuestEvent.Builder base(String eventId, long occurredAt, GuestIdentifier identifier) {
        Optional<String> problem = Identifiers.problem(identifier);
        if (problem.isPresent()) {
            throw new RejectedRecordException(problem.get());
        }
        return GuestEvent.newBuilder().setEventId(eventId).setOccurredAt(occurredAt)
                .setIdentifier(Identifiers.key(identifier));
    }

    private static GuestEvent.Builder click(ClickEvent click) {
        EventKind kind = switch (click.getType()) {
            case PAGE_VIEW -> EventKind.PAGE_VIEW;
            case ARTIST_SEARCH -> EventKind.ARTIST_SEARCH;
            case CALENDAR_BROWSE -> EventKind.CALENDAR_BROWSE;
            case FAVOURITE -> EventKind.FAVOURITE;
            case UNFAVOURITE -> EventKind.UNFAVOURITE;
            case NOT_INTERESTED -> EventKind.NOT_INTERESTED;
            case SHARE -> EventKind.SHARE;
            case UNKNOWN -> throw new RejectedRecordException("unknown click event type");
        };
        boolean needsConcert = kind == EventKind.FAVOURITE || kind == EventKind.UNFAVOURITE
                || kind == EventKind.NOT_INTERESTED || kind == EventKind.SHARE;
        if (needsConcert && blank(click.getConcertId())) {
            throw new RejectedRecordException(kind + " without a concertId");
        }
        if (kind == EventKind.ARTIST_SEARCH && blank(click.getConcertId()) && blank(click.getPerformer())
                && blank(click.getSearchQuery())) {
            throw new RejectedRecordException("ARTIST_SEARCH without a concertId, performer or search query");
        }
        String performer = blank(click.getPerformer()) ? click.getSearchQuery() : click.getPerformer();
        return base(click.getEventId(), click.getOccurredAt().toEpochMilli(), click.getIdentifier())
                .setKind(kind).setConcertId(emptyToNull(click.getConcertId())).setPerformer(emptyToNull(performer))
                .setRecommendationId(click.getRecommendationId()).setLanguage(click.getLanguage())
                .setDevice(click.getDevice().name());
    }

    private static GuestEvent.Builder email(EmailResponse email) {
        EventKind kind = switch (email.getType()) {
            case DELIVERED -> EventKind.EMAIL_DELIVERED;
            case OPEN -> EventKind.EMAIL_OPEN;
            case CLICK -> EventKind.EMAIL_CLICK;
            case UNSUBSCRIBE -> EventKind.EMAIL_UNSUBSCRIBE;
            case BOUNCE -> EventKind.EMAIL_BOUNCE;
            case COMPLAINT -> EventKind.EMAIL_COMPLAINT;
            case UNKNOWN -> throw new RejectedRecordException("unknown email response type");
        };
        return base(email.getEventId(), email.getOccurredAt().toEpochMilli(), email.getIdentifier())
                .setKind(kind).setConcertId(emptyToNull(email.getConcertId()))
                .setRecommendationId(email.getRecommendationId()).setDevice(email.getDevice().name());
    }

    private static GuestEvent.Builder ad(AdInteraction ad) {
        EventKind kind = switch (ad.getType()) {
            case IMPRESSION -> EventKind.AD_IMPRESSION;
            case CLICK -> EventKind.AD_CLICK;
            case HIDE -> EventKind.AD_HIDE;
            case UNKNOWN -> throw new RejectedRecordException("unknown ad interaction type");
        };
        return base(ad.getEventId(), ad.getOccurredAt().toEpochMilli(), ad.getIdentifier())
                .setKind(kind).setConcertId(emptyToNull(ad.getConcertId()))
                .setRecommendationId(ad.getRecommendationId()).setDevice(ad.getDevice().name());
    }

    private static GuestEvent.Builder sale(TicketSale sale) {
        EventKind kind = switch (sale.getType()) {
            case PURCHASE -> EventKind.PURCHASE;
            case REFUND -> EventKind.REFUND;
            case UNKNOWN -> throw new RejectedRecordException("unknown ticket sale type");
        };
        requireText(sale.getConcertId(), "concertId");
        requireText(sale.getOrderId(), "orderId");
        if (sale.getAmountMinor() < 0 || sale.getSeats() < 0) {
            throw new RejectedRecordException("negative amount or seats; refunds carry positive amounts");
        }
        return base(sale.getEventId(), sale.getOccurredAt().toEpochMilli(), sale.getIdentifier())
                .setKind(kind).setConcertId(sale.getConcertId()).setAmountMinor(sale.getAmountMinor())
                .setCurrency(sale.getCurrency()).setSeats(sale.getSeats()).setOrderId(sale.getOrderId())
                .setPriceBand(sale.getPriceBand())
                .setRecommendationId(sale.getRecommendationId());
    }

    private static GuestEvent.Builder spend(MarketSpend spend) {
        requireText(spend.getCategory(), "category");
        if (spend.getAmountMinor() < 0) {
            throw new RejectedRecordException("negative market spend");
        }
        return base(spend.getEventId(), spend.getOccurredAt().toEpochMilli(), spend.getIdentifier())
                .setKind(EventKind.MARKET_SPEND).setCategory(spend.getCategory().strip().toLowerCase(Locale.ROOT))
                .setAmountMinor(spend.getAmountMinor()).setCurrency(spend.getCurrency());
    }

    private static GuestEvent.Builder consent(GuestConsent consent) {
        ConsentFlags flags = new ConsentFlags(consent.getProfilingConsent(), consent.getEmailConsent(),
                consent.getAdsConsent(), consent.getWebPersonalizationConsent(), consent.getPrintConsent(),
                consent.getErasureRequested());
        return base(consent.getEventId(), consent.getOccurredAt().toEpochMilli(), consent.getIdentifier())
                .setKind(EventKind.CONSENT).setConsent(flags);
    }

    private static void requireText(String value, String field) {
        if (blank(value)) {
            throw new RejectedRecordException("missing " + field);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }
}
