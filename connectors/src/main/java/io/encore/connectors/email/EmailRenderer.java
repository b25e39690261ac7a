package io.encore.connectors.email;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import io.encore.schemas.avro.EmailItem;
import io.encore.schemas.avro.EmailSend;

/**
 * Renders an {@link EmailSend} as text and HTML, in Danish or English (any other language falls back to
 * English). Pure: the same send renders to the same e-mail. Every value from the record is HTML-escaped in
 * the HTML part, and every concert link is a tracking link (see {@link EmailLinks}).
 */
public final class EmailRenderer {

    /** The hall's time zone: concert times are shown as the guest will read them on the ticket. */
    static final ZoneId HALL_ZONE = ZoneId.of("Europe/Copenhagen");

    private final EmailLinks links;

    public EmailRenderer(EmailLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    public RenderedEmail render(EmailSend send) {
        Language language = Language.of(send.getLanguage());
        String unsubscribe = links.unsubscribe(send.getSendId());
        StringBuilder text = new StringBuilder();
        StringBuilder cards = new StringBuilder();
        text.append(language.greeting(send.getFirstName())).append("\n\n").append(language.intro).append("\n\n");
        for (EmailItem item : send.getItems()) {
            String link = links.tracking(send.getSendId(), item.getConcertId(), item.getRecommendationId());
            String date = item.getStartTime() == null ? null : language.date(item.getStartTime());
            appendText(text, item, date, link, language);
            appendCard(cards, item, date, link, language);
        }
        text.append("--\n").append(language.unsubscribe).append(": ").append(unsubscribe).append('\n');
        String html = Templates.page(language.code, escape(send.getSubject()), escape(language.greeting(send.getFirstName())),
                escape(language.intro), cards.toString(), escape(unsubscribe), escape(language.unsubscribe));
        return new RenderedEmail(send.getSubject(), text.toString(), html, unsubscribe);
    }

    private static void appendText(StringBuilder text, EmailItem item, String date, String link, Language language) {
        text.append("* ").append(item.getTitle()).append('\n');
        if (date != null) {
            text.append("  ").append(date).append('\n');
        }
        if (item.getReason() != null) {
            text.append("  ").append(item.getReason()).append('\n');
        }
        text.append("  ").append(language.readMore).append(": ").append(link).append("\n\n");
    }

    private static void appendCard(StringBuilder cards, EmailItem item, String date, String link, Language language) {
        String image = item.getImageUrl() == null ? "" : Templates.image(escape(link), escape(item.getImageUrl()), escape(item.getTitle()));
        String when = date == null ? "" : Templates.paragraph("date", escape(date));
        String reason = item.getReason() == null ? "" : Templates.paragraph("reason", escape(item.getReason()));
        cards.append(Templates.card(escape(item.getConcertId()), image, escape(link), escape(item.getTitle()), when, reason,
                escape(language.readMore)));
    }

    /** HTML-escapes text for element content and double-quoted attribute values. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The words of one language. */
    enum Language {
        DA("da", "Kære", "Kære gæst", "Vi har udvalgt disse koncerter til dig:", "Læs mere og køb billetter",
                "Afmeld nyhedsbreve", DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy 'kl.' HH.mm", Locale.forLanguageTag("da"))),
        EN("en", "Dear", "Dear guest", "We picked these concerts for you:", "Read more and book tickets",
                "Unsubscribe", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH));

        final String code;
        private final String dear;
        private final String neutralGreeting;
        final String intro;
        final String readMore;
        final String unsubscribe;
        private final DateTimeFormatter dateFormat;

        Language(String code, String dear, String neutralGreeting, String intro, String readMore, String unsubscribe,
                DateTimeFormatter dateFormat) {
            this.code = code;
            this.dear = dear;
            this.neutralGreeting = neutralGreeting;
            this.intro = intro;
            this.readMore = readMore;
            this.unsubscribe = unsubscribe;
            this.dateFormat = dateFormat.withZone(HALL_ZONE);
        }

        static Language of(String code) {
            return code != null && "da".equalsIgnoreCase(code.trim()) ? DA : EN;
        }

        String greeting(String firstName) {
            return firstName == null || firstName.isBlank() ? neutralGreeting + "," : dear + " " + firstName.trim() + ",";
        }

        String date(Instant startTime) {
            return dateFormat.format(startTime);
        }
    }
}
