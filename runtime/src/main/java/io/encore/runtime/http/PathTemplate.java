package io.encore.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A route path such as {@code /guests/{id}/profile}: literal segments and {@code {name}} segments that
 * capture one non-empty path segment each. Matching splits the raw path before decoding, so an encoded
 * {@code %2F} inside an id stays inside that id.
 */
record PathTemplate(String template, List<String> segments) {

    static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with '/': " + template);
        }
        List<String> segments = List.of(template.substring(1).split("/", -1));
        Set<String> names = new HashSet<>();
        for (String segment : segments) {
            if (isParameter(segment) && !names.add(name(segment))) {
                throw new IllegalArgumentException("Path parameter " + segment + " appears twice in " + template);
            }
            if (!isParameter(segment) && (segment.contains("{") || segment.contains("}"))) {
                throw new IllegalArgumentException("A path parameter fills a whole segment: " + template);
            }
        }
        return new PathTemplate(template, segments);
    }

    /** The decoded path parameters when {@code rawPath} matches; malformed percent-encoding is a 400. */
    Optional<Map<String, String>> match(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(name(segment), decode(parts[i]));
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** How many literal segments: a route with more of them wins, so {@code /guests/count} beats {@code /guests/{id}}. */
    int literalCount() {
        List<String> literals = new ArrayList<>(segments);
        literals.removeIf(PathTemplate::isParameter);
        return literals.size();
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - 1);
    }

    // A path is not a form: '+' is a literal plus there, so protect it from URLDecoder's form rule.
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Malformed percent-encoding in the path");
        }
    }
}
