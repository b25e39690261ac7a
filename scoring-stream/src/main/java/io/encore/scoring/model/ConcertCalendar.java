package io.encore.scoring.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.encore.scoring.catalogue.Catalogue;

/**
 * Each concert's local weekday and daypart, worked out once per catalogue snapshot. Time-zone arithmetic
 * allocates ({@link ZonedDateTime}), and a start time never changes within a snapshot, so doing it per
 * snapshot keeps the per-guest loop allocation-free. Snapshots are immutable, so identity is a safe cache key.
 */
final class ConcertCalendar {

    /** Weekday and daypart of an undated concert. */
    static final int UNDATED = -1;

    private final Catalogue catalogue;
    private final byte[] weekdays;
    private final byte[] dayparts;

    private ConcertCalendar(Catalogue catalogue, byte[] weekdays, byte[] dayparts) {
        this.catalogue = catalogue;
        this.weekdays = weekdays;
        this.dayparts = dayparts;
    }

    static ConcertCalendar of(Catalogue catalogue, ZoneId zone) {
        int n = catalogue.size();
        byte[] weekdays = new byte[n];
        byte[] dayparts = new byte[n];
        for (int i = 0; i < n; i++) {
            long start = catalogue.startTime(i);
            if (start == Catalogue.UNDATED) {
                weekdays[i] = UNDATED;
                dayparts[i] = UNDATED;
            } else {
                ZonedDateTime local = Instant.ofEpochMilli(start).atZone(zone);
                weekdays[i] = (byte) (local.getDayOfWeek().getValue() - 1);
                dayparts[i] = (byte) daypartOfHour(local.getHour());
            }
        }
        return new ConcertCalendar(catalogue, weekdays, dayparts);
    }

    /** The habit buckets of profile-stream: before 12, 12–17, 17–21, from 21. */
    static int daypartOfHour(int hour) {
        return hour < 12 ? 0 : hour < 17 ? 1 : hour < 21 ? 2 : 3;
    }

    boolean isFor(Catalogue other) {
        return catalogue == other;
    }

    /** 0 = Monday … 6 = Sunday, or {@link #UNDATED}. */
    int weekday(int concert) {
        return weekdays[concert];
    }

    /** 0 = before 12 … 3 = from 21, or {@link #UNDATED}. */
    int daypart(int concert) {
        return dayparts[concert];
    }
}
