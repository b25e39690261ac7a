package io.encore.web.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.encore.schemas.avro.ClickType;

/**
 * What a visitor can do on the page, as it appears in the URL ({@code POST /api/actions/{action}}), and the
 * click type it is reported as; {@link #PURCHASE} is a ticket sale instead.
 */
public enum GuestAction {

    VIEW("view", ClickType.PAGE_VIEW),
    FAVOURITE("favourite", ClickType.FAVOURITE),
    UNFAVOURITE("unfavourite", ClickType.UNFAVOURITE),
    NOT_INTERESTED("not-interested", ClickType.NOT_INTERESTED),
    SHARE("share", ClickType.SHARE),
    SEARCH("search", ClickType.ARTIST_SEARCH),
    PURCHASE("purchase", null);

    private final String path;
    private final ClickType clickType;

    GuestAction(String path, ClickType clickType) {
        this.path = path;
        this.clickType = clickType;
    }

    public String path() {
        return path;
    }

    /** The click type; empty for a purchase. */
    public Optional<ClickType> clickType() {
        return Optional.ofNullable(clickType);
    }

    /** Whether the action is about one concert (all but a search). */
    public boolean needsConcert() {
        return this != SEARCH;
    }

    public static Optional<GuestAction> fromPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(action -> action.path.equals(lower)).findFirst();
    }

    public static String paths() {
        return String.join(", ", Arrays.stream(values()).map(GuestAction::path).toList());
    }
}
