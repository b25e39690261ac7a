package io.encore.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One routed request, detached from the server so handlers and the forwarding code can be tested and can
 * rebuild the same request for another instance.
 *
 * @param method     the HTTP method, upper case
 * @param path       the path as received, still percent-encoded, so it can be forwarded byte for byte
 * @param rawQuery   the query string as received without {@code ?}, empty when there is none
 * @param pathParams values of the template's {@code {name}} segments, percent-decoded
 * @param headers    request headers; names are matched case-insensitively
 */
public record Request(String method, String path, String rawQuery, Map<String, String> pathParams,
                      Map<String, List<String>> headers) {

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        pathParams = Map.copyOf(pathParams);
        headers = lowerCaseNames(headers);
    }

    /** The decoded value of the template segment {@code {name}}; asking for an undeclared one is a bug. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route template has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of query parameter {@code name}, decoded; malformed percent-encoding is a 400. */
    public Optional<String> queryParam(String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!pair.isEmpty() && decode(key).equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    /** The first value of header {@code name}, whatever its case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The path with its query, as it would appear in a request line. */
    public String pathWithQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Malformed percent-encoding in the query string");
        }
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                Request::concat));
        return Map.copyOf(lower);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
