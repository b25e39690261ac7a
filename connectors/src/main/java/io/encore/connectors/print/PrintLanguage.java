package io.encore.connectors.print;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a printed piece in one language; any language other than Danish is printed in English. */
enum PrintLanguage {

    DA("da", "Kære", "Kære gæst", "Vi har udvalgt disse koncerter til dig:",
            DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("da"))),
    EN("en", "Dear", "Dear guest", "We picked these concerts for you:",
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH));

    final String code;
    private final String dear;
    private final String neutralGreeting;
    final String intro;
    private final DateTimeFormatter dateFormat;

    PrintLanguage(String code, String dear, String neutralGreeting, String intro, DateTimeFormatter dateFormat) {
        this.code = code;
        this.dear = dear;
        this.neutralGreeting = neutralGreeting;
        this.intro = intro;
        this.dateFormat = dateFormat.withZone(PrintRenderer.HALL_ZONE);
    }

    static PrintLanguage of(String code) {
        return code != null && "da".equalsIgnoreCase(code.trim()) ? DA : EN;
    }

    /** "Kære Mette," / "Dear Mette,", or the neutral greeting when the first name is unknown. */
    String greeting(String firstName) {
        return firstName == null || firstName.isBlank() ? neutralGreeting + "," : dear + " " + firstName.trim() + ",";
    }

    /** "lørdag 14. marts 2026 kl. 19:30" / "Saturday 14 March 2026, 19:30", in the hall's time zone. */
    String date(Instant startTime) {
        return dateFormat.format(startTime);
    }
}
