package io.encore.profile.taste;

import io.encore.profile.avro.EventKind;

/**
 * How far one event moves a guest's taste toward (positive) or away from (negative) the concepts of the
 * concert involved. Defaults follow the strength of intent: purchase ≫ favourite > click > search > e-mail or
 * ad click > view; "not interested", ad hide, unfavourite and refunds push away.
 *
 * @param click a page view reached through a recommendation, or a share
 */
public record EventWeights(double purchase, double favourite, double click, double search, double emailClick,
                           double adClick, double view, double notInterested, double adHide, double unfavourite,
                           double refund) {

    public static final EventWeights DEFAULT =
            new EventWeights(10.0, 5.0, 2.0, 1.5, 1.0, 1.0, 0.5, -6.0, -3.0, -5.0, -10.0);

    public EventWeights {
        if (!(purchase > favourite && favourite > 0 && notInterested < 0 && adHide < 0 && refund < 0 && unfavourite < 0)) {
            throw new IllegalArgumentException("event weights must keep purchase above favourite above zero and "
                    + "not-interested, ad hide, unfavourite and refund below zero");
        }
    }

    /** The weight of an event, 0 for events that carry no taste signal (deliveries, opens, consents...). */
    public double of(EventKind kind, boolean fromRecommendation) {
        return switch (kind) {
            case PURCHASE -> purchase;
            case FAVOURITE -> favourite;
            case SHARE -> click;
            case PAGE_VIEW -> fromRecommendation ? click : view;
            case ARTIST_SEARCH -> search;
            case EMAIL_CLICK -> emailClick;
            case AD_CLICK -> adClick;
            case NOT_INTERESTED -> notInterested;
            case AD_HIDE -> adHide;
            case UNFAVOURITE -> unfavourite;
            case REFUND -> refund;
            default -> 0.0;
        };
    }
}
