package io.encore.profile.config;

import java.time.Duration;

import io.encore.runtime.errors.SizeLimit;

import io.encore.profile.taste.EventWeights;

/**
 * Everything the profile topology's behaviour depends on, as plain values: built from
 * {@link ProfileStreamConfig} in production and from {@link #defaults()} in tests.
 *
 * @param halfLife           taste half-life: an event this old counts half
 * @param tasteConcepts      concepts kept per guest (largest absolute weight first)
 * @param conceptTopK        concepts kept per concert profile
 * @param dimension          length of concert and taste vectors
 * @param dedupRetention     how long event ids are remembered for de-duplication (stream time)
 * @param pendingHold        how long an event for an unknown concert waits before it is dead-lettered
 * @param pendingRetry       how often held events are retried (wall clock)
 * @param maxFutureSkew      events further ahead of the wall clock are rejected
 * @param currentWindow      RFM current window
 * @param comparisonWindow   RFM comparison window, immediately before the current one
 * @param segmentPass        how often every guest's lifecycle is re-evaluated as time passes (wall clock)
 * @param catalogueRefresh   how often concerts are re-weighted after the catalogue's frequencies moved
 * @param recentEvents       events remembered per guest for explanations
 * @param purchasedConcerts  bought concerts remembered per guest
 * @param defaultProfiling   whether a guest with no consent record yet may be profiled
 * @param maxRecordBytes     input record values larger than this are dead-lettered undecoded
 */
public record ProfileSettings(String applicationId, String topicPrefix, EventWeights weights, Duration halfLife,
                              int tasteConcepts, int conceptTopK, int dimension, Duration dedupRetention,
                              Duration pendingHold, Duration pendingRetry, Duration maxFutureSkew,
                              Duration currentWindow, Duration comparisonWindow, Duration segmentPass,
                              Duration catalogueRefresh, int recentEvents, int purchasedConcerts,
                              boolean defaultProfiling, int maxRecordBytes) {

    public static final String APPLICATION_ID_DEFAULT = "encore-profile-stream";

    public static ProfileSettings defaults() {
        return new ProfileSettings(APPLICATION_ID_DEFAULT, "", EventWeights.DEFAULT, Duration.ofDays(90), 100, 20, 64,
                Duration.ofDays(30), Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofHours(1),
                Duration.ofDays(365), Duration.ofDays(3 * 365), Duration.ofDays(1), Duration.ofSeconds(10), 20, 200,
                true, SizeLimit.DEFAULT_BYTES);
    }

    /** Name of the private topic that carries events and identity merges between guest partitions. */
    public String guestCommandsTopic() {
        return topicPrefix + applicationId + "-guest-commands";
    }

    /** Name of the private single-partition topic where the whole catalogue meets for document frequencies. */
    public String catalogueTopic() {
        return topicPrefix + applicationId + "-catalogue";
    }
}
