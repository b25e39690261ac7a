package io.encore.web.operator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.encore.schemas.avro.Channel;
import io.encore.schemas.avro.RecommendationChangeReason;

/**
 * End-to-end latency measured from the records themselves, so it does not depend on when this app reads them.
 *
 * <ul>
 *   <li><b>event → profile</b>: a {@code guest-profiles} record's timestamp is the event time
 *       ({@code occurredAt}) of the event that changed the profile (profile-stream's timestamp extractor), its
 *       {@code updatedAt} the wall clock when profile-stream published it; the difference is the first stage.</li>
 *   <li><b>event → recommendation change</b>: a {@code recommendation-changes} record carries no event time,
 *       so a WEB change with reason {@code PROFILE_CHANGED} or {@code MODEL_SWITCHED} is matched to the newest
 *       profile of its guest published at or before {@code changedAt} (scoring-stream re-scores a guest when
 *       its profile arrives); the latency is {@code changedAt} minus that profile's event time.</li>
 * </ul>
 *
 * Only records published after this tracker started count, and events older than {@link #BACKFILL_MILLIS}
 * at publication are taken for a history import, not for latency. The Redis hop to the page is not in it.
 */
public final class LatencyTracker {

    /** An event this much older than its profile or change is a replayed history, not a live event. */
    public static final long BACKFILL_MILLIS = 10 * 60_000L;
    /** Percentiles are over the samples of this many recent milliseconds. */
    public static final long WINDOW_MILLIS = 10_000L;
    /** A change whose profile has not arrived by then is given up (the two topics are read independently). */
    static final long PENDING_MILLIS = 5_000L;
    /** A profile published this long before a change is too old to have caused it. */
    static final long TRIGGER_MILLIS = 60_000L;

    private static final int PROFILES_PER_GUEST = 4;
    private static final int GUESTS_KEPT = 100_000;
    private static final int SAMPLES_KEPT = 20_000;
    private static final int PENDING_KEPT = 10_000;
    private static final Set<RecommendationChangeReason> PROFILE_TRIGGERED =
            Set.of(RecommendationChangeReason.PROFILE_CHANGED, RecommendationChangeReason.MODEL_SWITCHED);

    private final long startedAt;
    private final Map<String, Deque<Published>> recentProfiles = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Published>> eldest) {
            return size() > GUESTS_KEPT;
        }
    };
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Sample> profileSamples = new ArrayDeque<>();
    private final Deque<Sample> changeSamples = new ArrayDeque<>();

    private record Published(long eventTime, long publishedAt) {
    }

    private record Pending(String guestId, long changedAt) {
    }

    private record Sample(long at, long millis) {
    }

    /** Percentiles over the window; {@code count} 0 when nothing was measured in it. */
    public record Summary(int count, long p50, long p95, long max) {
    }

    public LatencyTracker(long startedAtMillis) {
        this.startedAt = startedAtMillis;
    }

    /** A {@code guest-profiles} record: its timestamp (the event time) and {@code updatedAt}. */
    public synchronized void onProfile(String guestId, long eventTime, long updatedAt) {
        if (updatedAt < startedAt - TRIGGER_MILLIS) {
            return;
        }
        if (updatedAt >= startedAt && live(eventTime, updatedAt)) {
            add(profileSamples, updatedAt, updatedAt - eventTime);
        }
        Deque<Published> profiles = recentProfiles.computeIfAbsent(guestId, g -> new ArrayDeque<>());
        profiles.addLast(new Published(eventTime, updatedAt));
        if (profiles.size() > PROFILES_PER_GUEST) {
            profiles.removeFirst();
        }
        resolvePending(guestId);
    }

    /** A {@code recommendation-changes} record; only WEB changes caused by a profile are measured. */
    public synchronized void onChange(String guestId, Channel channel, RecommendationChangeReason reason, long changedAt) {
        if (channel != Channel.WEB || !PROFILE_TRIGGERED.contains(reason) || changedAt < startedAt) {
            return;
        }
        if (!measure(guestId, changedAt) && pending.size() < PENDING_KEPT) {
            pending.addLast(new Pending(guestId, changedAt));
        }
    }

    /** Gives up on changes whose profile never came; call every sample tick. */
    public synchronized void expire(long now) {
        pending.removeIf(p -> now - p.changedAt() > PENDING_MILLIS);
    }

    public synchronized Summary profileStage(long now) {
        return summary(profileSamples, now);
    }

    public synchronized Summary endToEnd(long now) {
        return summary(changeSamples, now);
    }

    private void resolvePending(String guestId) {
        Iterator<Pending> waiting = pending.iterator();
        while (waiting.hasNext()) {
            Pending change = waiting.next();
            if (change.guestId().equals(guestId) && measure(guestId, change.changedAt())) {
                waiting.remove();
            }
        }
    }

    private boolean measure(String guestId, long changedAt) {
        Deque<Published> profiles = recentProfiles.get(guestId);
        if (profiles == null) {
            return false;
        }
        Published trigger = null;
        for (Published profile : profiles) {
            if (profile.publishedAt() <= changedAt && changedAt - profile.publishedAt() <= TRIGGER_MILLIS
                    && (trigger == null || profile.publishedAt() >= trigger.publishedAt())) {
                trigger = profile;
            }
        }
        if (trigger == null) {
            return false;
        }
        if (live(trigger.eventTime(), changedAt)) {
            add(changeSamples, changedAt, changedAt - trigger.eventTime());
        }
        return true;
    }

    private static boolean live(long eventTime, long publishedAt) {
        return eventTime <= publishedAt && publishedAt - eventTime <= BACKFILL_MILLIS;
    }

    private static void add(Deque<Sample> samples, long at, long millis) {
        samples.addLast(new Sample(at, millis));
        if (samples.size() > SAMPLES_KEPT) {
            samples.removeFirst();
        }
    }

    private static Summary summary(Deque<Sample> samples, long now) {
        List<Long> recent = new ArrayList<>();
        for (Sample sample : samples) {
            if (now - sample.at() <= WINDOW_MILLIS) {
                recent.add(sample.millis());
            }
        }
        if (recent.isEmpty()) {
            return new Summary(0, 0, 0, 0);
        }
        long[] sorted = recent.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Summary(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
