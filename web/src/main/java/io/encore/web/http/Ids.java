package io.encore.web.http;

import java.util.Optional;
import java.util.regex.Pattern;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.Params;
import io.encore.runtime.http.Request;
import io.encore.schemas.avro.GuestIdentifier;
import io.encore.schemas.topic.GuestKeys;

/**
 * Validation of the web app's parameters at the edge, with the stream apps' rules: a guest id is
 * {@code TYPE:value} of letters, digits and {@code ._-:@+=/}, at most 300 characters, of a known type. Every
 * failure is a 400 naming the parameter.
 */
final class Ids {

    static final int MAX_ID_LENGTH = 300;
    static final Pattern GUEST_ID = Pattern.compile("[A-Za-z_]+:[A-Za-z0-9._\\-:@+=/]+");
    static final Pattern CONCERT_ID = Pattern.compile("[A-Za-z0-9._\\-:@+=/]+");
    static final Pattern RECOMMENDATION_ID = Pattern.compile("[A-Za-z0-9._\\-:@+=/|]+");
    static final Pattern SEND_ID = Pattern.compile("[A-Za-z0-9._\\-]+");
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._\\-]+");
    static final Pattern LANGUAGE = Pattern.compile("da|en");
    static final int MAX_CONCERT_ID_LENGTH = 200;
    static final int MAX_SEND_ID_LENGTH = 200;
    static final int MAX_SESSION_LENGTH = 100;
    static final int MAX_QUERY_LENGTH = 100;

    private Ids() {
    }

    /** The guest identifier in {@code name} (path or query), parsed. */
    static GuestIdentifier guest(Request request, String name) {
        String id = Params.requireMatches(request, name, GUEST_ID, MAX_ID_LENGTH);
        return GuestKeys.parse(id).orElseThrow(() -> new ApiException(400, "Parameter '" + name
                + "' is not an identifier: the type must be COOKIE, GUEST_ID, LOYALTY_CARD or EMAIL_SHA256"));
    }

    static String concert(Request request, String name) {
        return Params.requireMatches(request, name, CONCERT_ID, MAX_CONCERT_ID_LENGTH);
    }

    static String send(Request request, String name) {
        return Params.requireMatches(request, name, SEND_ID, MAX_SEND_ID_LENGTH);
    }

    /** The optional recommendation id in query parameter {@code name}; empty when absent or empty. */
    static Optional<String> recommendation(Request request, String name) {
        return optional(request, name, RECOMMENDATION_ID, MAX_ID_LENGTH);
    }

    static Optional<String> session(Request request, String name) {
        return optional(request, name, SESSION_ID, MAX_SESSION_LENGTH);
    }

    static Optional<String> language(Request request, String name) {
        return optional(request, name, LANGUAGE, 2);
    }

    /** Free text (a search): at most 100 characters, no control characters. */
    static String text(Request request, String name) {
        String value = request.queryParam(name).map(String::strip)
                .orElseThrow(() -> new ApiException(400, "Missing parameter '" + name + "'"));
        if (value.isEmpty()) {
            throw new ApiException(400, "Parameter '" + name + "' must not be empty");
        }
        if (value.length() > MAX_QUERY_LENGTH) {
            throw new ApiException(400, "Parameter '" + name + "' is " + value.length()
                    + " characters long; at most " + MAX_QUERY_LENGTH + " are allowed");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(400, "Parameter '" + name + "' must not contain control characters");
        }
        return value;
    }

    /** The optional integer in {@code name}, within [min, max]. */
    static Optional<Integer> integer(Request request, String name, int min, int max) {
        Optional<String> raw = request.queryParam(name).filter(value -> !value.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Parameter '" + name + "' must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new ApiException(400, "Parameter '" + name + "' must be from " + min + " to " + max + ", not " + value);
        }
        return Optional.of(value);
    }

    private static Optional<String> optional(Request request, String name, Pattern pattern, int max) {
        if (request.queryParam(name).filter(value -> !value.isEmpty()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Params.requireMatches(request, name, pattern, max));
    }
}
