package io.encore.runtime.http;

import java.util.OptionalInt;

/**
 * An error whose status and message are meant for the client, for example a 400 naming a bad parameter or a
 * 503 with {@code Retry-After} while a store rebalances. Rendered as {@code {"status":400,"error":"..."}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int NO_RETRY_AFTER = -1;

    private final int status;
    private final int retryAfterSeconds;

    public ApiException(int status, String message) {
        this(status, message, NO_RETRY_AFTER);
    }

    /** An error that tells the client when to try again: the response carries {@code Retry-After}. */
    public ApiException(int status, String message, int retryAfterSeconds) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An API error needs a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    /** The response a client sees: the JSON error body plus {@code Retry-After} when one was given. */
    public Response toResponse() {
        Response response = Response.error(status, getMessage());
        return retryAfterSeconds < 0
                ? response
                : response.withHeader(Response.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
}
