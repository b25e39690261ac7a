package io.encore.web.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PriceRange;
import io.encore.schemas.avro.Work;

/**
 * Renders a catalogue entry for one language (Danish for {@code da}, English otherwise), with dates in
 * Europe/Copenhagen the way the e-mail sink writes them: {@code lørdag den 5. december 2026 kl. 19.30} /
 * {@code Saturday 5 December 2026, 19:30}.
 */
public final class ConcertViews {

    public static final ZoneId HALL_ZONE = ZoneId.of("Europe/Copenhagen");

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DA_TEXT = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy 'kl.' HH.mm", DANISH);
    private static final DateTimeFormatter EN_TEXT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private ConcertViews() {
    }

    /** {@code da} for Danish, {@code en} for anything else. */
    public static String language(String requested) {
        return "da".equalsIgnoreCase(requested) ? "da" : "en";
    }

    public static ConcertView of(Concert concert, String requestedLanguage) {
        String language = language(requestedLanguage);
        LocalizedText text = localized(concert, language);
        PriceRange price = concert.getPriceRange();
        return new ConcertView(concert.getConcertId(), text.getTitle(), text.getDescription(), text.getLanguage(),
                date(concert.getStartTime(), language), concert.getHall(),
                concert.getPerformers().stream().map(Performer::getName).toList(),
                concert.getComposers().isEmpty()
                        ? concert.getWorks().stream().map(Work::getComposer).filter(c -> c != null).distinct().toList()
                        : concert.getComposers(),
                concert.getTags(), concert.getStatus().name(),
                price == null ? null : price.getMinAmountMinor(), price == null ? null : price.getMaxAmountMinor(),
                price == null ? null : price.getCurrency(), priceText(price, language), concert.getSeatsAvailable(),
                fewSeatsLeft(concert), hue(concert));
    }

    /** The title and description in {@code language} when written or translated so, else as written. */
    static LocalizedText localized(Concert concert, String language) {
        if (!language.equalsIgnoreCase(concert.getLanguage())) {
            for (LocalizedText translation : concert.getTranslations()) {
                if (language.equalsIgnoreCase(translation.getLanguage())) {
                    return translation;
                }
            }
        }
        return new LocalizedText(concert.getLanguage(), concert.getTitle(), concert.getDescription());
    }

    static ConcertView.Date date(Instant start, String language) {
        if (start == null) {
            return null;
        }
        ZonedDateTime local = start.atZone(HALL_ZONE);
        boolean danish = "da".equals(language);
        Locale locale = danish ? DANISH : Locale.UK;
        return new ConcertView.Date(start.toString(), Integer.toString(local.getDayOfMonth()),
                DateTimeFormatter.ofPattern("MMM", locale).format(local),
                DateTimeFormatter.ofPattern("EEEE", locale).format(local),
                DateTimeFormatter.ofPattern(danish ? "HH.mm" : "HH:mm", locale).format(local),
                (danish ? DA_TEXT : EN_TEXT).format(local));
    }

    /** {@code fra 245 kr.} / {@code from DKK 245}, one price without "from"; other currencies by their code. */
    static String priceText(PriceRange price, String language) {
        if (price == null) {
            return null;
        }
        boolean single = price.getMinAmountMinor() == price.getMaxAmountMinor();
        String amount = amount(price.getMinAmountMinor());
        boolean danish = "da".equals(language);
        String money = danish && "DKK".equals(price.getCurrency()) ? amount + " kr."
                : price.getCurrency() + " " + amount;
        return single ? money : (danish ? "fra " : "from ") + money;
    }

    /** Minor units as a plain amount: 24500 → {@code 245}, 24550 → {@code 245.50}. */
    static String amount(long minor) {
        return BigDecimal.valueOf(minor, 2).stripTrailingZeros().scale() <= 0
                ? BigDecimal.valueOf(minor, 2).setScale(0).toPlainString()
                : BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static boolean fewSeatsLeft(Concert concert) {
        Integer seats = concert.getSeatsAvailable();
        if (seats == null) {
            return false;
        }
        Integer capacity = concert.getCapacity();
        int threshold = capacity == null ? 20 : Math.max(1, capacity / 10);
        return seats > 0 && seats <= threshold;
    }

    private static int hue(Concert concert) {
        String basis = concert.getTags().isEmpty() ? concert.getConcertId() : concert.getTags().get(0);
        return Math.floorMod(basis.toLowerCase(Locale.ROOT).hashCode() * 37, 360);
    }
}
