package io.encore.connectors.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The links an e-mail carries (the feedback link format of docs/connectors.md): every concert link goes
 * through the tracking host, which records the click with its {@code rec} and redirects to the concert page.
 * Each part is percent-encoded, so an id can never change the link's structure.
 *
 * @param trackingBase   e.g. {@code https://hall.example/t}, without trailing slash
 * @param unsubscribeBase e.g. {@code https://hall.example/unsubscribe}
 */
public record EmailLinks(String trackingBase, String unsubscribeBase) {

    public EmailLinks {
        trackingBase = stripSlash(Objects.requireNonNull(trackingBase, "trackingBase"));
        unsubscribeBase = stripSlash(Objects.requireNonNull(unsubscribeBase, "unsubscribeBase"));
    }

    /** {@code {tracking}/c/{sendId}/{concertId}?rec={recommendationId}}, without {@code ?rec} when there is no id. */
    public String tracking(String sendId, String concertId, String recommendationId) {
        String link = trackingBase + "/c/" + encode(sendId) + "/" + encode(concertId);
        return recommendationId == null ? link : link + "?rec=" + encode(recommendationId);
    }

    /** {@code {unsubscribe}?send={sendId}}. */
    public String unsubscribe(String sendId) {
        return unsubscribeBase + "?send=" + encode(sendId);
    }

    /** RFC 3986 percent-encoding of one path segment or query value (space is %20, never +). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
