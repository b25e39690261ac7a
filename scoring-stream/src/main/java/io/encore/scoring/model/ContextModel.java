package io.encore.scoring.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.encore.schemas.avro.ReasonCode;
import io.encore.schemas.avro.RecommendationReason;
import io.encore.scoring.catalogue.Catalogue;

/**
 * When, where and for how much: how well a concert's weekday, daypart (local to the hall), lead time, hall and
 * price band fit the guest's purchase habits, and, when the request's context is known, the moment. A guest
 * who only ever goes on Friday evenings in the small hall gets those concerts first; taste is someone else's
 * job, so this model is meant for blends or as a tie-breaker arm.
 *
 * <p>Scale: [0, 1], a weighted mean of per-part fits ({@link HabitFit}: 1 = the guest's most common bucket,
 * 0 = one never chosen, 0.5 = neutral) with weights weekday 0.25, daypart 0.25, price band 0.2, hall 0.15,
 * lead time 0.15. A guest without habits scores a neutral 0.5 everywhere; an undated concert is neutral in
 * the three date parts. With a context of a {@code MOBILE} device from 17:00 on, concerts within seven days
 * get {@code +0.1} (capped at 1): an evening phone visit is about going out soon.
 *
 * <p>Reasons: {@code SIMILAR_CONTENT} ("On a Friday evening, as you like", "In Koncertsalen, where you often
 * go", "In your usual price range", "Coming up within a week"). No reason code names habits or context; the
 * schema defines SIMILAR_CONTENT as "close to the guest's taste", and when and where a guest likes to go is
 * the nearest sense of taste it has, whereas EDITORIAL would claim a choice by the programme editors.
 */
public final class ContextModel implements ScoringModel {

    public static final String NAME = "context";

    /** The hall's time zone: weekdays and dayparts are the audience's local ones. */
    public static final ZoneId VENUE_ZONE = ZoneId.of("Europe/Copenhagen");

    static final float WEEKDAY = 0.25f;
    static final float DAYPART = 0.25f;
    static final float PRICE_BAND = 0.20f;
    static final float HALL = 0.15f;
    static final float LEAD_TIME = 0.15f;
    static final float SOON_BONUS = 0.1f;

    private static final long SOON_MILLIS = 7L * 86_400_000L;
    private static final int LATE_HOUR = 17;
    private static final float STRONG_FIT = 0.75f;
    private static final String[] DAYPARTS = {"morning", "afternoon", "evening", "night"};
    private static final String[] ALONE = {"In the morning", "In the afternoon", "In the evening", "At night"};

    private final ZoneId zone;
    /** The calendar of the last catalogue scored; replaced, never mutated, so readers need no lock. */
    private volatile ConcertCalendar calendar;

    public ContextModel() {
        this(VENUE_ZONE);
    }

    public ContextModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void score(GuestView guest, Catalogue catalogue, BitSet eligible, Instant now, float[] scores) {
        ConcertCalendar days = calendar(catalogue);
        HabitFit fit = HabitFit.of(guest);
        long nowMillis = now.toEpochMilli();
        boolean wantsSoon = wantsSoon(guest.context());
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            long start = catalogue.startTime(i);
            float score = WEEKDAY * fit.weekday(days.weekday(i))
                    + DAYPART * fit.daypart(days.daypart(i))
                    + LEAD_TIME * fit.leadTime(HabitFit.leadTime(start, nowMillis))
                    + HALL * fit.hall(catalogue.hall(i))
                    + PRICE_BAND * fit.priceBand(catalogue.priceBand(i));
            if (wantsSoon && isSoon(start, nowMillis)) {
                score = Math.min(1f, score + SOON_BONUS);
            }
            scores[i] = score;
        }
    }

    @Override
    public List<RecommendationReason> explain(GuestView guest, Catalogue catalogue, int concert, Instant now) {
        ConcertCalendar days = calendar(catalogue);
        HabitFit fit = HabitFit.of(guest);
        List<RecommendationReason> reasons = new ArrayList<>(Reasons.MAX);
        String when = when(fit, days.weekday(concert), days.daypart(concert));
        if (when != null) {
            reasons.add(Reasons.of(ReasonCode.SIMILAR_CONTENT, when + ", as you like", null));
        }
        String hall = catalogue.hall(concert);
        if (isStrong(fit.hall(hall))) {
            reasons.add(Reasons.of(ReasonCode.SIMILAR_CONTENT, "In " + hall + ", where you often go",
                    hall.toLowerCase(Locale.ROOT)));
        }
        if (isStrong(fit.priceBand(catalogue.priceBand(concert)))) {
            reasons.add(Reasons.of(ReasonCode.SIMILAR_CONTENT, "In your usual price range", null));
        }
        if (reasons.size() < Reasons.MAX && wantsSoon(guest.context())
                && isSoon(catalogue.startTime(concert), now.toEpochMilli())) {
            reasons.add(Reasons.of(ReasonCode.SIMILAR_CONTENT, "Coming up within a week", null));
        }
        return List.copyOf(reasons.subList(0, Math.min(Reasons.MAX, reasons.size())));
    }

    /** "On a Friday evening", "On a Friday", "In the evening" for the strong date parts; null if none is. */
    private static String when(HabitFit fit, int weekday, int daypart) {
        boolean day = weekday >= 0 && isStrong(fit.weekday(weekday));
        boolean part = daypart >= 0 && isStrong(fit.daypart(daypart));
        if (!day) {
            return part ? ALONE[daypart] : null;
        }
        String dayName = DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return part ? "On a " + dayName + " " + DAYPARTS[daypart] : "On a " + dayName;
    }

    /** Neutral fits (no habit data) never explain anything. */
    private static boolean isStrong(float fit) {
        return fit >= STRONG_FIT;
    }

    private static boolean wantsSoon(GuestView.Context context) {
        return context != null && "MOBILE".equalsIgnoreCase(context.device()) && context.hourOfDay() >= LATE_HOUR;
    }

    private static boolean isSoon(long start, long now) {
        return start != Catalogue.UNDATED && start - now < SOON_MILLIS;
    }

    private ConcertCalendar calendar(Catalogue catalogue) {
        ConcertCalendar cached = calendar;
        if (cached == null || !cached.isFor(catalogue)) {
            cached = ConcertCalendar.of(catalogue, zone);
            calendar = cached;
        }
        return cached;
    }
}
