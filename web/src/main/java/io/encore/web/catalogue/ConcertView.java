package io.encore.web.catalogue;

import java.util.List;

/**
 * A concert as the page shows it, in one language: texts, the date in the hall's time zone, hall, price and
 * seats. Built by {@link ConcertViews}; the browser only lays it out.
 *
 * @param date        null for undated concerts
 * @param priceText   for example {@code fra 245 kr.} / {@code from DKK 245}; null when no price is set
 * @param fewSeatsLeft fewer than 10 % of the capacity (or 20 seats) left
 * @param hue         a colour (0–359) derived from the first tag, so cards of a genre look alike without images
 */
public record ConcertView(String concertId, String title, String description, String language, Date date,
                          String hall, List<String> performers, List<String> composers, List<String> tags,
                          String status, Long priceFromMinor, Long priceToMinor, String currency, String priceText,
                          Integer seatsAvailable, boolean fewSeatsLeft, int hue) {

    /**
     * @param iso     start time, ISO-8601 UTC
     * @param day     day of month, {@code 5}
     * @param month   short month, {@code dec.}
     * @param weekday weekday, {@code lørdag}
     * @param time    start time in the hall's zone, {@code 19.30} / {@code 19:30}
     * @param text    the full line, {@code lørdag den 5. december 2026 kl. 19.30}
     */
    public record Date(String iso, String day, String month, String weekday, String time, String text) {
    }
}
