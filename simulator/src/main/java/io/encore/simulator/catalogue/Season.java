package io.encore.simulator.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One concert season: about twelve months of concerts from a first day, ordered by start time.
 *
 * @param label the season as printed, e.g. {@code 2026/27}
 * @param start first instant of the season (midnight of its first day in the hall's time zone)
 * @param end   first instant after the season
 */
public record Season(String label, LocalDate firstDay, Instant start, Instant end, List<ConcertPlan> concerts) {

    /** The hall's time zone: weekdays, dayparts and calendar days are local to it. */
    public static final ZoneId HALL_ZONE = ZoneId.of("Europe/Copenhagen");

    public Season {
        concerts = List.copyOf(concerts);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(HALL_ZONE).toInstant();
    }

    public static String label(LocalDate firstDay) {
        int year = firstDay.getMonthValue() >= 7 ? firstDay.getYear() : firstDay.getYear() - 1;
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }
}
