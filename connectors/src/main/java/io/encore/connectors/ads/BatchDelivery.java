package io.encore.connectors.ads;

import java.io.IOException;
import java.time.Duration;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one batch with retries: a 429 waits for its {@code Retry-After}, a 5xx or an I/O error waits an
 * exponentially growing backoff, every wait capped. When the retries are spent it throws
 * {@link RetriableException}: the worker then hands the same records to {@code put} again later and commits
 * no offset past them. A 401 or 403 fails the task ({@link ConnectException}): a bad or expired token
 * would otherwise send every record to the dead-letter queue and commit past them. Any other status is the
 * platform refusing the data; retrying would not help, so it is returned as {@link Outcome.Rejected} for
 * the errant record reporter.
 */
final class BatchDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int TOO_MANY_REQUESTS = 429;

    private final AdPlatformClient client;
    private final int maxRetries;
    private final Duration backoff;
    private final Duration backoffMax;
    private final Sleeper sleeper;

    BatchDelivery(AdPlatformClient client, int maxRetries, Duration backoff, Duration backoffMax, Sleeper sleeper) {
        this.client = client;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
        this.sleeper = sleeper;
    }

    Outcome deliver(AudienceUpdate batch) {
        return exchange(batch.audienceId(), () -> client.post(batch), false);
    }

    /** Deletes an audience; one the platform does not have (404) is as good as deleted. */
    Outcome delete(String audienceId) {
        return exchange(audienceId, () -> client.delete(audienceId), true);
    }

    private Outcome exchange(String audienceId, Call call, boolean notFoundIsDone) {
        for (int attempt = 0; ; attempt++) {
            Duration wait;
            String failure;
            try {
                AdPlatformClient.Response response = call.send();
                if (response.isSuccess() || notFoundIsDone && response.status() == NOT_FOUND) {
                    return new Outcome.Delivered();
                }
                if (response.status() == UNAUTHORIZED || response.status() == FORBIDDEN) {
                    // Every record would be refused the same way: fail the task rather than dead-letter the topic.
                    throw new ConnectException("ad platform refused the credentials (HTTP " + response.status()
                            + ") for audience " + audienceId + "; check " + AdAudienceSinkConnectorConfig.TOKEN_CONFIG
                            + ": " + response.body());
                }
                if (response.status() != TOO_MANY_REQUESTS && response.status() < 500) {
                    return new Outcome.Rejected(response.status(), response.body());
                }
                failure = "HTTP " + response.status();
                wait = response.status() == TOO_MANY_REQUESTS
                        ? response.retryAfter().orElse(exponential(attempt))
                        : exponential(attempt);
            } catch (IOException e) {
                failure = "I/O error: " + e;
                wait = exponential(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted while uploading to audience " + audienceId, e);
            }
            if (attempt >= maxRetries) {
                throw new RetriableException("ad platform still failing for audience " + audienceId
                        + " after " + (maxRetries + 1) + " attempts: " + failure);
            }
            pause(audienceId, failure, min(wait, backoffMax));
        }
    }

    private void pause(String audienceId, String failure, Duration wait) {
        LOG.warn("Upload to audience {} failed ({}); retrying in {} ms", audienceId, failure, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while backing off for audience " + audienceId, e);
        }
    }

    /** backoff × 2^attempt, without overflowing for large attempt counts. */
    private Duration exponential(int attempt) {
        int shift = Math.min(attempt, 30);
        long millis = backoff.toMillis();
        return millis > (Long.MAX_VALUE >> shift) ? backoffMax : Duration.ofMillis(millis << shift);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** How delivering one batch ended, short of a {@link RetriableException}. */
    sealed interface Outcome {

        record Delivered() implements Outcome {
        }

        /** The platform refused the batch (a 4xx other than 429); {@code body} says why. */
        record Rejected(int status, String body) implements Outcome {
        }
    }

    /** One request to the platform. */
    @FunctionalInterface
    private interface Call {
        AdPlatformClient.Response send() throws IOException, InterruptedException;
    }

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
