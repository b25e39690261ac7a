package io.encore.simulator.catalogue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.ConcertStatus;
import io.encore.schemas.avro.LocalizedText;
import io.encore.schemas.avro.Performer;
import io.encore.schemas.avro.PerformerRole;
import io.encore.schemas.avro.PriceRange;
import io.encore.schemas.avro.Work;

/**
 * The fixed facts of one generated concert: what it is (its sub-genre mix, the hidden truth behind its text),
 * when and where it plays, what it costs and how much the market outside the simulated audience wants it. What
 * changes with sales (status, seats left) lives in {@link Inventory}.
 *
 * @param index       position in the {@link Programme}
 * @param genre       the sub-genre (taxonomy index)
 * @param crossGenre  the second sub-genre of a cross-over, or -1
 * @param crossShare  how much of the concert is {@code crossGenre} (0 when none)
 * @param language    language of {@code title} and {@code description} as published; the other is the translation
 * @param translated  whether the other language is published too
 * @param demand      seats the whole market would buy, as a share of capacity (sold out when above 1)
 * @param weekday     the day it plays, in the hall's time zone
 * @param localHour   the hour it starts, in the hall's time zone
 */
public record ConcertPlan(int index, String concertId, String season, int genre, int crossGenre, double crossShare,
                          String language, boolean translated, Texts title, Texts description,
                          List<PerformerSpec> performers, List<String> composers, List<WorkSpec> works,
                          List<String> tags, Hall hall, Instant startTime, Instant endTime, Instant saleOpens,
                          long minPriceMinor, long maxPriceMinor, double demand, DayOfWeek weekday, int localHour) {

    public static final String CURRENCY = "DKK";
    public static final String SITE = "https://hall.example";

    public ConcertPlan {
        performers = List.copyOf(performers);
        composers = List.copyOf(composers);
        works = List.copyOf(works);
        tags = List.copyOf(tags);
    }

    public int capacity() {
        return hall.capacity();
    }

    public boolean crossover() {
        return crossGenre >= 0;
    }

    public String url() {
        return SITE + "/concerts/" + concertId;
    }

    public String headliner() {
        return performers.isEmpty() ? title.in(language) : performers.get(0).name();
    }

    /** The catalogue entry as the ticketing system would publish it in this state. */
    public Concert toConcert(ConcertStatus status, int seatsAvailable, long version, Instant updatedAt) {
        String other = "da".equals(language) ? "en" : "da";
        List<LocalizedText> translations = translated
                ? List.of(new LocalizedText(other, title.in(other), description.in(other)))
                : List.of();
        return new Concert(concertId, title.in(language), description.in(language), language, translations,
                performers.stream().map(p -> new Performer(p.name(), PerformerRole.valueOf(p.role()))).toList(),
                composers, works.stream().map(w -> new Work(w.title(), w.composer())).toList(), tags, hall.name(),
                season, startTime, endTime, status, new PriceRange(minPriceMinor, maxPriceMinor, CURRENCY),
                capacity(), seatsAvailable, url(), SITE + "/images/" + concertId + ".jpg", version, updatedAt);
    }
}
