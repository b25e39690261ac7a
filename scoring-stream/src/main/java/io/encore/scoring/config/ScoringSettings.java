package io.encore.scoring.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.encore.schemas.avro.Channel;

/**
 * Everything the scoring topology's behaviour depends on, as plain values: from the app's configuration in
 * production, from {@link #defaults()} in tests.
 *
 * @param channels           channels a list is kept for (each needs the guest's consent)
 * @param topN               items per list
 * @param maxPerPerformer    diversity: items sharing a performer
 * @param maxPerTag          diversity: items sharing a tag
 * @param exploration        share of slots filled from beyond the top (bandit-independent exploration)
 * @param holdoutShare       guests who get the non-personalized control list
 * @param attributionWindow  how long after a list a click or purchase counts as its reward
 * @param clickReward        reward of a click (a purchase is 1)
 * @param rescoreInterval    how often a catalogue change is applied to the task's guests (wall clock)
 * @param rescoreBatch       guests re-scored per interval after a catalogue change
 * @param audienceSize       members kept per concert audience
 * @param topNByChannel      items per list on channels that differ from {@code topN} (an e-mail shows fewer)
 * @param changeMoveWindow   a move counts as a change when it touches the first this many ranks
 * @param changeMinMove      ... and is at least this many places
 * @param contactMaxPerWeek  campaign sends a guest may get in any 7 days, across campaigns (contact pressure)
 * @param concertUrlTemplate link to a concert page in a campaign e-mail; {@code {concertId}}, {@code {sendId}}
 *                           and {@code {recommendationId}} are replaced
 * @param exposureWindow     the experiment's unit of time: a guest keeps the bandit's arm on a channel this long,
 *                           and every list published meanwhile counts as one trial with one reward
 * @param audiencePublishInterval how often changed concert audiences are published (wall clock); candidates
 *                           wait and are applied together
 */
public record ScoringSettings(String applicationId, String topicPrefix, int dimension, List<Channel> channels,
                              int topN, int maxPerPerformer, int maxPerTag, double exploration, double holdoutShare,
                              Duration attributionWindow, double clickReward, Duration rescoreInterval,
                              int rescoreBatch, int audienceSize, Map<Channel, Integer> topNByChannel,
                              int changeMoveWindow, int changeMinMove, int contactMaxPerWeek,
                              String concertUrlTemplate, Duration exposureWindow,
                              Duration audiencePublishInterval) {

    public static final String APPLICATION_ID_DEFAULT = "encore-scoring-stream";
    public static final int CONTACT_MAX_PER_WEEK_DEFAULT = 2;
    public static final String CONCERT_URL_TEMPLATE_DEFAULT = "https://hall.example/concerts/{concertId}";
    public static final Duration EXPOSURE_WINDOW_DEFAULT = Duration.ofDays(1);
    public static final Duration AUDIENCE_PUBLISH_INTERVAL_DEFAULT = Duration.ofSeconds(2);

    public ScoringSettings {
        topNByChannel = Map.copyOf(topNByChannel);
        if (exposureWindow.isNegative() || exposureWindow.isZero()) {
            throw new IllegalArgumentException("exposureWindow must be positive, got " + exposureWindow);
        }
        if (audiencePublishInterval.isNegative() || audiencePublishInterval.isZero()) {
            throw new IllegalArgumentException("audiencePublishInterval must be positive, got " + audiencePublishInterval);
        }
    }

    /** The settings without the campaign knobs, the exposure window and the audience interval: their defaults. */
    public ScoringSettings(String applicationId, String topicPrefix, int dimension, List<Channel> channels,
                           int topN, int maxPerPerformer, int maxPerTag, double exploration, double holdoutShare,
                           Duration attributionWindow, double clickReward, Duration rescoreInterval,
                           int rescoreBatch, int audienceSize, Map<Channel, Integer> topNByChannel,
                           int changeMoveWindow, int changeMinMove) {
        this(applicationId, topicPrefix, dimension, channels, topN, maxPerPerformer, maxPerTag, exploration,
                holdoutShare, attributionWindow, clickReward, rescoreInterval, rescoreBatch, audienceSize,
                topNByChannel, changeMoveWindow, changeMinMove, CONTACT_MAX_PER_WEEK_DEFAULT,
                CONCERT_URL_TEMPLATE_DEFAULT, EXPOSURE_WINDOW_DEFAULT, AUDIENCE_PUBLISH_INTERVAL_DEFAULT);
    }

    /** These settings with another exposure window. */
    public ScoringSettings withExposureWindow(Duration window) {
        return new ScoringSettings(applicationId, topicPrefix, dimension, channels, topN, maxPerPerformer, maxPerTag,
                exploration, holdoutShare, attributionWindow, clickReward, rescoreInterval, rescoreBatch, audienceSize,
                topNByChannel, changeMoveWindow, changeMinMove, contactMaxPerWeek, concertUrlTemplate, window,
                audiencePublishInterval);
    }

    public static ScoringSettings defaults() {
        return new ScoringSettings(APPLICATION_ID_DEFAULT, "", 64, List.of(Channel.WEB, Channel.EMAIL, Channel.ADS),
                10, 2, 4, 0.1, 0.05, Duration.ofDays(7), 0.3, Duration.ofSeconds(1), 5_000, 1_000, Map.of(), 3, 3);
    }

    /** Items per list on {@code channel}. */
    public int topN(Channel channel) {
        return topNByChannel.getOrDefault(channel, topN);
    }

    /** The private topic every catalogue change is broadcast to, one copy per partition. */
    public String catalogueTopic() {
        return topicPrefix + applicationId + "-catalogue";
    }

    /** The private topic every campaign is broadcast to, one copy per partition (so to every task's guests). */
    public String campaignsTopic() {
        return topicPrefix + applicationId + "-campaigns";
    }

    /** Private topic of audience membership changes, keyed by concert. */
    public String audienceCandidatesTopic() {
        return topicPrefix + applicationId + "-audience-candidates";
    }

    /** Private compacted topic alias → guest id, read by every instance to resolve aliases in queries. */
    public String aliasesTopic() {
        return topicPrefix + applicationId + "-aliases";
    }

    /** Private topic of signal contributions, keyed by the signal they update. */
    public String signalEventsTopic() {
        return topicPrefix + applicationId + "-signal-events";
    }

    /** Private compacted topic of the current shared signals, read by every instance. */
    public String signalsTopic() {
        return topicPrefix + applicationId + "-signals";
    }
}
