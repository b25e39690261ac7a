package io.encore.runtime.http;

import java.util.regex.Pattern;

/**
 * Validation of request parameters at the edge, so a bad id is a 400 naming the parameter instead of a
 * store lookup with a key no producer could have written.
 */
public final class Params {

    private Params() {
    }

    /**
     * The value of {@code name} — the path parameter when the route declares one, else the query parameter —
     * when it is at most {@code maxLength} characters and wholly matches {@code pattern}.
     *
     * @throws ApiException 400 naming the parameter when it is missing, too long or has other characters
     */
    public static String requireMatches(Request request, String name, Pattern pattern, int maxLength) {
        String value = request.pathParams().containsKey(name)
                ? request.pathParam(name)
                : request.queryParam(name).orElseThrow(() -> new ApiException(400, "Missing parameter '" + name + "'"));
        if (value.isEmpty()) {
            throw new ApiException(400, "Parameter '" + name + "' must not be empty");
        }
        if (value.length() > maxLength) {
            throw new ApiException(400, "Parameter '" + name + "' is " + value.length()
                    + " characters long; at most " + maxLength + " are allowed");
        }
        if (!pattern.matcher(value).matches()) {
            throw new ApiException(400, "Parameter '" + name + "' may only contain characters matching "
                    + pattern.pattern());
        }
        return value;
    }
}
